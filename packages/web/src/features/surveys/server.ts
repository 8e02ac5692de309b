/** The server's survey services the pages call (features/surveys on the server side): one place to import them from. */
export { getSurvey, listSurveys, createSurvey, updateSurvey, setSurveyStatus } from '../../../../server/src/features/surveys/surveys.service.js';
export { startResponse, responseByToken, saveResponse } from '../../../../server/src/features/surveys/surveys.responses.js';
export { inviteRegistrants, remindPending, respondents } from '../../../../server/src/features/surveys/surveys.invite.js';
export { checked } from '../registration/server.js';
