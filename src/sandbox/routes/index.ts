import type { Route } from '../http/router';
import { callReadRoutes } from './calls';
import { callWriteRoutes } from './callWrites';
import { callAccessRoutes } from './callAccess';
import { crmRoutes } from './crm';
import { coachingRoutes } from './coaching';
import { crmSchemaRoutes } from './crmSchema';
import { digitalInteractionRoutes } from './digitalInteractions';
import { meetingRoutes } from './meetings';
import { engageRoutes } from './engage';
import { libraryRoutes } from './library';
import { logRoutes } from './logs';
import { permissionRoutes } from './permissions';
import { privacyRoutes } from './privacy';
import { settingsRoutes } from './settings';
import { statsRoutes } from './stats';
import { userRoutes } from './users';

/** Every Gong API route the sandbox serves (the sandbox-only /__sandbox routes live in the server). */
export const apiRoutes: Route[] = [
  ...callReadRoutes,
  ...callWriteRoutes,
  ...userRoutes,
  ...settingsRoutes,
  ...libraryRoutes,
  ...crmRoutes,
  ...permissionRoutes,
  ...logRoutes,
  ...statsRoutes,
  ...engageRoutes,
  ...privacyRoutes,
  ...crmSchemaRoutes,
  ...callAccessRoutes,
  ...meetingRoutes,
  ...digitalInteractionRoutes,
  ...coachingRoutes,
];
