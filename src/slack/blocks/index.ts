/**
 * Block Kit rendering of diagnoses and conversation replies. Pure functions: no Slack API calls.
 * Every message stays within Block Kit's limits and says what it cut; the Slack layer uploads
 * `overflow` as a file when it is present.
 */
export { diagnosisMessage, diagnosisReport, type DiagnosisMessageOptions } from './diagnosis-message';
export { replyMessage, type ReplyMessageOptions } from './reply-message';
export { evidenceDetailsMessage, fixDetailsMessage } from './details-messages';
export { ACTION_IDS, ACTIONS_BLOCK_ID } from './actions';
export { diagnosisMetadata, type DiagnosisMetadata, type DiagnosisSlackMessage, type Overflow, type SlackMessage } from './message';
export { SLACK_LIMITS, BUDGET } from './limits';
export { blocksTextLength } from './elements';
export { escapeText } from './mrkdwn';
