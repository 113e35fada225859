import {
  departmentSchema,
  type CreateDepartmentRequest,
  type UpdateDepartmentRequest,
} from '@sunlight/contracts';
import { z } from 'zod';
import { http, type RequestOptions } from './http';

type Options = Pick<RequestOptions, 'handles'>;

export const listDepartments = () => http.get('/departments', z.array(departmentSchema));

export const createDepartment = (body: CreateDepartmentRequest, options?: Options) =>
  http.post('/departments', body, departmentSchema, options);

export const updateDepartment = (id: number, body: UpdateDepartmentRequest, options?: Options) =>
  http.patch(`/departments/${id}`, body, departmentSchema, options);
