import { Initial1795334729346 } from './1795334729346-Initial';
import { AuditLogAppendOnly1795334729347 } from './1795334729347-AuditLogAppendOnly';

export const sqliteMigrations = [Initial1795334729346, AuditLogAppendOnly1795334729347];
