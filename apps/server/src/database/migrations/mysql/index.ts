import { Utf8mb4Default1795334729345 } from './1795334729345-Utf8mb4Default';
import { Initial1795334729346 } from './1795334729346-Initial';
import { AuditLogAppendOnly1795334729347 } from './1795334729347-AuditLogAppendOnly';
import { AddAccounts1795459451857 } from './1795459451857-AddAccounts';
import { AddCollection1795461485756 } from './1795461485756-AddCollection';
import { AddSafety1795463323659 } from './1795463323659-AddSafety';
import { AddPosts1795464650561 } from './1795464650561-AddPosts';
import { AddColumnResponsibleDepartment1795469375484 } from './1795469375484-AddColumnResponsibleDepartment';
import { AddFigureRollups1795469790186 } from './1795469790186-AddFigureRollups';
import { AddPostEventDispatchEntries1795469982855 } from './1795469982855-AddPostEventDispatchEntries';
import { AddYearlyRollupsAndQuotaIndexes1795475855607 } from './1795475855607-AddYearlyRollupsAndQuotaIndexes';
import { AddPublicationSentAt1795482071537 } from './1795482071537-AddPublicationSentAt';
import { AddDepartmentRollups1795483857012 } from './1795483857012-AddDepartmentRollups';

export const mysqlMigrations = [Utf8mb4Default1795334729345, Initial1795334729346, AuditLogAppendOnly1795334729347, AddAccounts1795459451857, AddCollection1795461485756, AddSafety1795463323659, AddPosts1795464650561, AddColumnResponsibleDepartment1795469375484, AddFigureRollups1795469790186, AddPostEventDispatchEntries1795469982855, AddYearlyRollupsAndQuotaIndexes1795475855607, AddPublicationSentAt1795482071537, AddDepartmentRollups1795483857012];
