import {
  ChannelType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  SlashCommandBuilder,
  type SlashCommandSubcommandBuilder,
} from 'discord.js';

const scoringChoices = [
  { name: 'exact (all or nothing)', value: 'exact' },
  { name: 'partial (right minus wrong picks)', value: 'partial' },
] as const;

// What every member may ask: on `/quizdeck` (offered to everyone) and, for quizmasters, on `/quiz`.
const status = (s: SlashCommandSubcommandBuilder) =>
  s.setName('status').setDescription('Where the quiz in this channel stands');
const leaderboard = (s: SlashCommandSubcommandBuilder) =>
  s
    .setName('leaderboard')
    .setDescription('Scores')
    .addStringOption((o) =>
      o
        .setName('scope')
        .setDescription('Which scores')
        .addChoices(
          { name: 'this session', value: 'session' },
          { name: 'last 7 days', value: 'week' },
          { name: 'all time', value: 'all' },
        ),
    );
const stats = (s: SlashCommandSubcommandBuilder) =>
  s
    .setName('stats')
    .setDescription('Answered, accuracy, streak and per-tag mastery')
    .addUserOption((o) => o.setName('member').setDescription('Whose stats (default: yours)'));
const banks = (s: SlashCommandSubcommandBuilder) =>
  s.setName('banks').setDescription('The banks the bot can quiz from');

/**
 * The quizmaster's command. Discord offers it only to members with Manage Server unless a server
 * admin allows a role in Server Settings → Integrations; the bot checks the quizmaster role itself
 * too. Its member subcommands stay, so quizmasters and scripts keep one place for everything.
 */
const quiz = new SlashCommandBuilder()
  .setName('quiz')
  .setDescription('Run reaction-graded quizzes from the question banks (quizmasters)')
  .setDMPermission(false)
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .addSubcommand((s) =>
    s
      .setName('start')
      .setDescription('Start a quiz in this channel (quizmasters)')
      .addStringOption((o) =>
        o.setName('bank').setDescription('Bank id (see /quiz banks)').setMaxLength(100),
      )
      .addIntegerOption((o) =>
        o.setName('count').setDescription('Number of questions').setMinValue(1).setMaxValue(200),
      )
      .addIntegerOption((o) =>
        o.setName('seconds').setDescription('Seconds per question').setMinValue(5).setMaxValue(600),
      )
      .addStringOption((o) =>
        o.setName('tag').setDescription('Only questions with this tag').setMaxLength(100),
      )
      .addBooleanOption((o) => o.setName('shuffle').setDescription('Shuffle questions and options'))
      .addStringOption((o) =>
        o
          .setName('scoring')
          .setDescription('How multi-answer picks score')
          .addChoices(...scoringChoices),
      )
      .addStringOption((o) =>
        o
          .setName('mode')
          .setDescription('Which questions (default: the bank in order)')
          .addChoices(
            { name: 'bank (its questions)', value: 'bank' },
            { name: 'review (most due for recent players)', value: 'review' },
          ),
      ),
  )
  .addSubcommand((s) => s.setName('stop').setDescription('Stop the quiz in this channel'))
  .addSubcommand((s) => s.setName('skip').setDescription('Skip the current question'))
  .addSubcommand(status)
  .addSubcommand(leaderboard)
  .addSubcommand(stats)
  .addSubcommand(banks)
  .addSubcommand((s) =>
    s
      .setName('config')
      .setDescription('Quiz settings for this server (Manage Server)')
      .addRoleOption((o) =>
        o.setName('quizmaster_role').setDescription('Role allowed to run quizzes'),
      )
      .addIntegerOption((o) =>
        o
          .setName('seconds')
          .setDescription('Default seconds per question')
          .setMinValue(5)
          .setMaxValue(600),
      )
      .addStringOption((o) =>
        o
          .setName('scoring')
          .setDescription('Default scoring')
          .addChoices(...scoringChoices),
      ),
  )
  .addSubcommand((s) =>
    s
      .setName('digest')
      .setDescription('A daily line of how many review questions are due, pinging nobody')
      .addChannelOption((o) =>
        o
          .setName('channel')
          .setDescription('Where the line goes')
          .addChannelTypes(ChannelType.GuildText),
      )
      .addIntegerOption((o) =>
        o
          .setName('hour')
          .setDescription('Hour of the day, UTC (default 9)')
          .setMinValue(0)
          .setMaxValue(23),
      )
      .addBooleanOption((o) => o.setName('off').setDescription('Stop the daily line')),
  );

/** What members see: the quiz's state, scores and banks. */
const quizdeck = new SlashCommandBuilder()
  .setName('quizdeck')
  .setDescription('Quiz status, scores and banks')
  .setDMPermission(false)
  .addSubcommand(status)
  .addSubcommand(leaderboard)
  .addSubcommand(stats)
  .addSubcommand(banks);

const reviewBank = (s: SlashCommandSubcommandBuilder) =>
  s.addStringOption((o) =>
    o.setName('bank').setDescription('Only this bank (see /quizdeck banks)').setMaxLength(100),
  );

/** Spaced review, for every member: what they answered in quizzes comes back when it is due. */
const review = new SlashCommandBuilder()
  .setName('review')
  .setDescription('Your spaced review of the questions you answered in quizzes (only you see it)')
  .setDMPermission(false)
  .addSubcommand((s) =>
    reviewBank(s.setName('next').setDescription('Your most overdue question, privately')),
  )
  .addSubcommand((s) =>
    reviewBank(
      s.setName('status').setDescription('Due now, due this week, reviews done, retention'),
    ),
  );

const shapes = new SlashCommandBuilder()
  .setName('shapes')
  .setDescription('Weight and output shapes of an RNN, GRU or LSTM')
  .addStringOption((o) =>
    o
      .setName('cell')
      .setDescription('Cell type')
      .setRequired(true)
      .addChoices(
        { name: 'rnn', value: 'rnn' },
        { name: 'gru', value: 'gru' },
        { name: 'lstm', value: 'lstm' },
      ),
  )
  .addIntegerOption((o) =>
    o.setName('input').setDescription('Input size').setRequired(true).setMinValue(1),
  )
  .addIntegerOption((o) =>
    o.setName('hidden').setDescription('Hidden size').setRequired(true).setMinValue(1),
  )
  .addIntegerOption((o) => o.setName('layers').setDescription('Stacked layers').setMinValue(1))
  .addBooleanOption((o) => o.setName('bidirectional').setDescription('Bidirectional'))
  .addIntegerOption((o) => o.setName('proj').setDescription('LSTM projection size').setMinValue(1))
  .addIntegerOption((o) => o.setName('classes').setDescription('Output classes').setMinValue(1))
  .addStringOption((o) =>
    o
      .setName('convention')
      .setDescription('Whose parameter layout')
      .addChoices(
        { name: 'textbook', value: 'textbook' },
        { name: 'pytorch', value: 'pytorch' },
        { name: 'keras', value: 'keras' },
      ),
  )
  .addBooleanOption((o) => o.setName('bias').setDescription('Count bias vectors'));

/** The bot's slash commands, as sent to Discord's bulk-overwrite endpoint. */
export const COMMANDS: RESTPostAPIChatInputApplicationCommandsJSONBody[] = [
  quiz.toJSON(),
  quizdeck.toJSON(),
  review.toJSON(),
  shapes.toJSON(),
];

/** What the quizmaster needs from the bot in the channel, by Discord's readable name. */
export const REQUIRED_CHANNEL_PERMISSIONS = {
  ViewChannel: PermissionFlagsBits.ViewChannel,
  SendMessages: PermissionFlagsBits.SendMessages,
  EmbedLinks: PermissionFlagsBits.EmbedLinks,
  AddReactions: PermissionFlagsBits.AddReactions,
  ReadMessageHistory: PermissionFlagsBits.ReadMessageHistory,
} as const;
