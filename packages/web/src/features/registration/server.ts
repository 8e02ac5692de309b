/** The server's registration services the pages call (features/registration on the server side): one place to import them from. */
export {
  getForm, saveForm, register, byToken, changeByToken, cancelByToken, acceptOffer,
  listRegistrations, moderate, reorderWaiting, messageRegistrants, publicParticipants, expireOffers,
} from '../../../../server/src/features/registration/registration.service.js';
