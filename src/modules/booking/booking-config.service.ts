import type { Db } from '../../db/connect.ts';
import { withTenant, type TenantTx } from '../../db/tenant.ts';
import { keepOmitted } from '../../http/partial-update.ts';
import { AppError, notFound } from '../../errors.ts';
import { assertPhone } from '../../phone/normalize.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Actor } from '../auth/principal.ts';
import { assertTimeZone, type CompaniesService } from '../companies/companies.service.ts';
import { engineConfig, presentService, presentSettings, presentTechnician, type BookingSettingsView } from './booking-config.ts';
import { bookingsRepository } from './bookings.repository.ts';
import { configRepository as repo, type ServicePatch, type SettingsValues, type TechnicianPatch } from './config.repository.ts';
import type { BookingConfig, WeeklyHours } from './engine/types.ts';
import type { BookingSettingsInput, ServiceInput, TechnicianInput } from './settings.schemas.ts';
import {
  assertArrivalWindows, assertOverrides, assertTimeOff, assertUniqueDates, assertWeeklyHours, normalizeSkills, normalizeZipInput,
} from './settings.input.ts';
import { changedFields } from '../audit/changed-fields.ts';
import { isUniqueViolation } from '../../db/pg-errors.ts';

const json = (value: unknown) => JSON.stringify(value);

function servicePatchOf(input: ServiceInput): ServicePatch {
  const p: ServicePatch = {};
  if (input.name !== undefined) p.name = input.name.trim();
  if (input.description !== undefined) p.description = input.description;
  if (input.durationMinutes !== undefined) p.duration_minutes = input.durationMinutes;
  if (input.priceText !== undefined) p.price_text = input.priceText;
  if (input.requiredSkills !== undefined) p.required_skills = normalizeSkills(input.requiredSkills);
  if (input.emergency !== undefined) p.emergency = input.emergency;
  if (input.bufferBeforeMinutes !== undefined) p.buffer_before_minutes = input.bufferBeforeMinutes;
  if (input.bufferAfterMinutes !== undefined) p.buffer_after_minutes = input.bufferAfterMinutes;
  if (input.slotIntervalMinutes !== undefined) p.slot_interval_minutes = input.slotIntervalMinutes;
  if (input.active !== undefined) p.active = input.active;
  return p;
}

function technicianPatchOf(input: TechnicianInput): TechnicianPatch {
  const p: TechnicianPatch = {};
  if (input.name !== undefined) p.name = input.name.trim();
  if (input.phone !== undefined) p.phone = input.phone === null ? null : assertPhone(input.phone, 'phone');
  if (input.skills !== undefined) p.skills = normalizeSkills(input.skills);
  if (input.zips !== undefined) p.zips = normalizeZipInput(input.zips, 'zips');
  if (input.weeklyHours !== undefined) {
    if (input.weeklyHours) assertWeeklyHours(input.weeklyHours as WeeklyHours, 'weeklyHours');
    p.weekly_hours = json(input.weeklyHours);
  }
  if (input.timeOff !== undefined) {
    assertTimeOff(input.timeOff);
    p.time_off = json(input.timeOff);
  }
  if (input.active !== undefined) p.active = input.active;
  return p;
}

/** Validated settings columns for the fields given; the rest keep their value. */
function settingsPatchOf(input: BookingSettingsInput): Partial<SettingsValues> {
  const p: Partial<SettingsValues> = {};
  if (input.weeklyHours !== undefined) {
    assertWeeklyHours(input.weeklyHours as WeeklyHours, 'weeklyHours');
    p.weekly_hours = json(input.weeklyHours);
  }
  if (input.overrides !== undefined) {
    assertOverrides(input.overrides);
    p.overrides = json(input.overrides);
  }
  if (input.holidays !== undefined) {
    assertUniqueDates(input.holidays, 'holidays');
    p.holidays = json(input.holidays);
  }
  if (input.serviceArea !== undefined) p.service_area = normalizeZipInput(input.serviceArea, 'serviceArea');
  if (input.minNoticeMinutes !== undefined) p.min_notice_minutes = input.minNoticeMinutes;
  if (input.horizonDays !== undefined) p.horizon_days = input.horizonDays;
  if (input.maxJobsPerTechnicianPerDay !== undefined) p.max_jobs_per_technician_per_day = input.maxJobsPerTechnicianPerDay;
  if (input.arrivalWindows !== undefined) {
    assertArrivalWindows(input.arrivalWindows);
    p.arrival_windows = json(input.arrivalWindows);
  }
  if (input.onCall !== undefined) {
    if (input.onCall) assertWeeklyHours(input.onCall.weeklyHours as WeeklyHours, 'onCall.weeklyHours');
    p.on_call = json(input.onCall ? { ...input.onCall, serviceIds: [...new Set(input.onCall.serviceIds)] } : null);
  }
  if (input.holdMinutes !== undefined) p.hold_minutes = input.holdMinutes;
  if (input.smsConfirmations !== undefined) p.sms_confirmations = input.smsConfirmations;
  return p;
}

/** The full column set: the stored row (or defaults) with the patch applied (what it leaves out kept). */
function mergedValues(current: BookingSettingsView, patch: Partial<SettingsValues>): SettingsValues {
  return keepOmitted<SettingsValues>({
    weekly_hours: json(current.weeklyHours),
    overrides: json(current.overrides),
    holidays: json(current.holidays),
    service_area: current.serviceArea,
    min_notice_minutes: current.minNoticeMinutes,
    horizon_days: current.horizonDays,
    max_jobs_per_technician_per_day: current.maxJobsPerTechnicianPerDay,
    arrival_windows: json(current.arrivalWindows),
    on_call: json(current.onCall),
    hold_minutes: current.holdMinutes,
    sms_confirmations: current.smsConfirmations,
  }, patch);
}

/**
 * Each company's booking configuration: rules, services, technicians. Every write is
 * validated before anything is written and audited in the same transaction.
 */
export function createBookingConfigService(db: Db, audit: AuditService, companies: CompaniesService) {
  async function settingsIn(tx: TenantTx, companyId: string, timeZone: string): Promise<BookingSettingsView> {
    return presentSettings(timeZone, await repo.findSettings(tx, companyId));
  }

  async function assertOnCallServices(tx: TenantTx, companyId: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const known = new Set((await repo.listServices(tx, companyId)).map((s) => s.id));
    const missing = ids.find((id) => !known.has(id));
    if (missing) throw new AppError('UNKNOWN_SERVICE', `onCall.serviceIds: no service with id '${missing}'`, { field: 'onCall.serviceIds', serviceId: missing });
  }

  async function saveService(tx: TenantTx, run: () => Promise<ReturnType<typeof presentService>>) {
    try {
      return await run();
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('SERVICE_NAME_TAKEN', 'A service with this name already exists.', { field: 'name' });
      throw err;
    }
  }

  /**
   * Deletes a service or technician no booking refers to. Under the bookings lock, so no booking
   * can be written for it between the check and the delete.
   */
  async function removeUnlessBooked(actor: Actor, companyId: string, kind: 'service' | 'technician', id: string): Promise<void> {
    const { label, find, column, remove, hint } = kind === 'service'
      ? { label: 'Service', find: repo.findService, column: 'service_id' as const, remove: repo.deleteService, hint: 'This service has bookings; set active to false to stop offering it.' }
      : { label: 'Technician', find: repo.findTechnician, column: 'technician_id' as const, remove: repo.deleteTechnician, hint: 'This technician has bookings; set active to false instead.' };
    await withTenant(db, companyId, async (tx) => {
      await bookingsRepository.lockCompany(tx, companyId);
      if (!(await find(tx, companyId, id))) throw notFound(label);
      if (await repo.isReferenced(tx, companyId, column, id)) throw new AppError('IN_USE', hint, { [`${kind}Id`]: id });
      await remove(tx, companyId, id);
      await audit.record(tx, companyId, actor, { action: `${kind}.deleted`, entityType: kind, entityId: id });
    });
  }

  return {
    async getSettings(companyId: string): Promise<BookingSettingsView> {
      const timeZone = await companies.timeZoneOf(companyId);
      return withTenant(db, companyId, (tx) => settingsIn(tx, companyId, timeZone));
    },

    async putSettings(actor: Actor, companyId: string, input: BookingSettingsInput): Promise<BookingSettingsView> {
      if (input.timeZone !== undefined) assertTimeZone(input.timeZone);
      const patch = settingsPatchOf(input);
      let timeZone = await companies.timeZoneOf(companyId);
      // The zone is the company's own (one source of truth), changed through its service.
      if (input.timeZone !== undefined && input.timeZone !== timeZone) timeZone = (await companies.setTimeZone(actor, companyId, input.timeZone)).timeZone;
      return withTenant(db, companyId, async (tx) => {
        if (input.onCall) await assertOnCallServices(tx, companyId, input.onCall.serviceIds);
        const current = await settingsIn(tx, companyId, timeZone);
        const row = await repo.upsertSettings(tx, companyId, mergedValues(current, patch));
        await audit.record(tx, companyId, actor, { action: 'booking_settings.updated', entityType: 'booking_settings', entityId: companyId, changes: { fields: changedFields(input) } });
        return presentSettings(timeZone, row);
      });
    },

    /** Settings, active services and technicians as the engine reads them, inside a caller's transaction. */
    async engineConfigIn(tx: TenantTx, companyId: string, timeZone: string): Promise<{ config: BookingConfig; holdMinutes: number }> {
      const settings = await settingsIn(tx, companyId, timeZone);
      const services = await repo.listServices(tx, companyId, { activeOnly: true });
      const technicians = await repo.listTechnicians(tx, companyId, { activeOnly: true });
      return { config: engineConfig(settings, services, technicians), holdMinutes: settings.holdMinutes };
    },

    async listServices(companyId: string) {
      return withTenant(db, companyId, async (tx) => (await repo.listServices(tx, companyId)).map(presentService));
    },

    async getService(companyId: string, id: string) {
      const row = await withTenant(db, companyId, (tx) => repo.findService(tx, companyId, id));
      if (!row) throw notFound('Service');
      return presentService(row);
    },

    async createService(actor: Actor, companyId: string, input: ServiceInput & { name: string; durationMinutes: number }) {
      const values = { ...servicePatchOf(input), name: input.name.trim(), duration_minutes: input.durationMinutes };
      return withTenant(db, companyId, (tx) => saveService(tx, async () => {
        const row = await repo.insertService(tx, companyId, values);
        await audit.record(tx, companyId, actor, { action: 'service.created', entityType: 'service', entityId: row.id, changes: { fields: changedFields(input) } });
        return presentService(row);
      }));
    },

    async updateService(actor: Actor, companyId: string, id: string, input: ServiceInput) {
      const patch = servicePatchOf(input);
      return withTenant(db, companyId, (tx) => saveService(tx, async () => {
        const row = await repo.updateService(tx, companyId, id, patch);
        if (!row) throw notFound('Service');
        await audit.record(tx, companyId, actor, { action: 'service.updated', entityType: 'service', entityId: id, changes: { fields: changedFields(input) } });
        return presentService(row);
      }));
    },

    async removeService(actor: Actor, companyId: string, id: string): Promise<void> {
      await removeUnlessBooked(actor, companyId, 'service', id);
    },


    async listTechnicians(companyId: string) {
      return withTenant(db, companyId, async (tx) => (await repo.listTechnicians(tx, companyId)).map(presentTechnician));
    },

    async getTechnician(companyId: string, id: string) {
      const row = await withTenant(db, companyId, (tx) => repo.findTechnician(tx, companyId, id));
      if (!row) throw notFound('Technician');
      return presentTechnician(row);
    },

    async createTechnician(actor: Actor, companyId: string, input: TechnicianInput & { name: string }) {
      const values = { ...technicianPatchOf(input), name: input.name.trim() };
      return withTenant(db, companyId, async (tx) => {
        const row = await repo.insertTechnician(tx, companyId, values);
        await audit.record(tx, companyId, actor, { action: 'technician.created', entityType: 'technician', entityId: row.id, changes: { fields: changedFields(input) } });
        return presentTechnician(row);
      });
    },

    async updateTechnician(actor: Actor, companyId: string, id: string, input: TechnicianInput) {
      const patch = technicianPatchOf(input);
      return withTenant(db, companyId, async (tx) => {
        const row = await repo.updateTechnician(tx, companyId, id, patch);
        if (!row) throw notFound('Technician');
        await audit.record(tx, companyId, actor, { action: 'technician.updated', entityType: 'technician', entityId: id, changes: { fields: changedFields(input) } });
        return presentTechnician(row);
      });
    },

    async removeTechnician(actor: Actor, companyId: string, id: string): Promise<void> {
      await removeUnlessBooked(actor, companyId, 'technician', id);
    },


    // Checks without writing: the errors the matching write would give, fields named as in the input.
    checkSettings: (input: BookingSettingsInput): void => void settingsPatchOf(input),
    checkService: (input: ServiceInput): void => void servicePatchOf(input),
    checkTechnician: (input: TechnicianInput): void => void technicianPatchOf(input),

    // Inside a caller's transaction (the company configuration document); the caller audits.
    settingsIn,
    listServicesIn: async (tx: TenantTx, companyId: string) => (await repo.listServices(tx, companyId)).map(presentService),
    listTechniciansIn: async (tx: TenantTx, companyId: string) => (await repo.listTechnicians(tx, companyId)).map(presentTechnician),

    /** Replaces the rules: fields left out take the defaults, not their current value. */
    async replaceSettingsIn(tx: TenantTx, companyId: string, timeZone: string, input: BookingSettingsInput): Promise<BookingSettingsView> {
      const patch = settingsPatchOf(input);
      if (input.onCall) await assertOnCallServices(tx, companyId, input.onCall.serviceIds);
      return presentSettings(timeZone, await repo.upsertSettings(tx, companyId, mergedValues(presentSettings(timeZone, undefined), patch)));
    },

    /** Creates the service (id null) or updates it. */
    saveServiceIn: (tx: TenantTx, companyId: string, id: string | null, input: ServiceInput & { name: string; durationMinutes: number }) =>
      saveService(tx, async () => {
        const values = { ...servicePatchOf(input), name: input.name.trim(), duration_minutes: input.durationMinutes };
        const row = id === null ? await repo.insertService(tx, companyId, values) : await repo.updateService(tx, companyId, id, values);
        if (!row) throw notFound('Service');
        return presentService(row);
      }),

    async saveTechnicianIn(tx: TenantTx, companyId: string, id: string | null, input: TechnicianInput & { name: string }) {
      const values = { ...technicianPatchOf(input), name: input.name.trim() };
      const row = id === null ? await repo.insertTechnician(tx, companyId, values) : await repo.updateTechnician(tx, companyId, id, values);
      if (!row) throw notFound('Technician');
      return presentTechnician(row);
    },

    /** Deletes the service, or deactivates it when bookings refer to it (they keep their history). */
    async retireServiceIn(tx: TenantTx, companyId: string, id: string): Promise<'deleted' | 'deactivated'> {
      if (await repo.isReferenced(tx, companyId, 'service_id', id)) {
        await repo.updateService(tx, companyId, id, { active: false });
        return 'deactivated';
      }
      await repo.deleteService(tx, companyId, id);
      return 'deleted';
    },

    async retireTechnicianIn(tx: TenantTx, companyId: string, id: string): Promise<'deleted' | 'deactivated'> {
      if (await repo.isReferenced(tx, companyId, 'technician_id', id)) {
        await repo.updateTechnician(tx, companyId, id, { active: false });
        return 'deactivated';
      }
      await repo.deleteTechnician(tx, companyId, id);
      return 'deleted';
    },
  };
}

export type BookingConfigService = ReturnType<typeof createBookingConfigService>;
