export { createApp, type AppOptions } from './app.js';
export { openPortal, servePortal, type Portal, type PortalOptions } from './portal.js';
export { openDatabase, type Database, type Queryable } from './db/database.js';
export { migrate, MIGRATIONS, type Migration } from './db/migrations.js';
export { addAgency, agencyByToken, setAgencyRemoved, hashToken, type Agency, type NewAgency } from './agencies.js';
export {
  submitReport,
  submitWithToken,
  contentHash,
  type Stored,
  type SubmitOptions,
  type ValidationByEdition,
} from './submit.js';
export { MEASURES, type Measure, type CellRef } from './measures.js';
export { errorBody, type ApiError } from './errors.js';
