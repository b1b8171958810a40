import type { CaseFieldsInput, Case } from '../core/schemas'
import { AppError } from '#shared/errors'
import type { RequestSent } from '#shared/channels/cases'
import type { CaseService } from './cases'
import type { PatientService } from './patients'

/** One click: a holder known to have records becomes a case, and remembers the case it became. */
export async function openCaseForHolder(
  patients: PatientService,
  cases: CaseService,
  patientId: string,
  holderId: string,
  fields: Omit<CaseFieldsInput, 'patientId'>,
  sent?: RequestSent
): Promise<Case> {
  const holder = patients.get(patientId).holdersToRequest.find((h) => h.id === holderId)
  if (!holder) throw new AppError('NOT_FOUND', `No holder to request with id "${holderId}".`, { holderId })
  if (holder.caseId) throw new AppError('CONFLICT', `This holder was already requested in case ${holder.caseId}.`, { caseId: holder.caseId })
  const created = await cases.add({ ...fields, patientId }, sent)
  await patients.linkHolderToCase(patientId, holderId, created.id)
  return created
}
