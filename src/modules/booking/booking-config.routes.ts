import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CompanyParams, errorResponses } from '../../http/common-schemas.ts';
import { OWNER_ONLY, principalOf } from '../../plugins/access.ts';
import { queueRecompute } from '../analytics/analytics-jobs.ts';
import { actorOf } from '../auth/principal.ts';
import {
  BookingSettings, CreateServiceBody, CreateTechnicianBody, PutBookingSettingsBody, Service, ServiceParams, Technician, TechnicianParams,
  UpdateServiceBody, UpdateTechnicianBody,
} from './settings.schemas.ts';

// Everyone in the company (and its integrations) reads the booking configuration; changing
// hours, services or the team is the owner's decision.

export const bookingSettingsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const booking = app.ctx.services.bookingConfig;
  const tags = ['booking'];

  app.get('/', {
    schema: { tags, summary: 'Read the booking rules: time zone, hours, overrides, service area, notice, windows, on-call', params: CompanyParams, response: { 200: BookingSettings, ...errorResponses } },
  }, async (req) => booking.getSettings(req.params.companyId));

  app.put('/', {
    schema: { tags, summary: 'Change the booking rules (fields left out keep their value)', params: CompanyParams, body: PutBookingSettingsBody, response: { 200: BookingSettings, ...errorResponses } },
    config: OWNER_ONLY,
  }, async (req) => {
    const settings = await booking.putSettings(actorOf(principalOf(req)), req.params.companyId, req.body);
    // Kept analytics days are counted on the zone's clocks and against the hours: count them
    // again now, in the background, rather than in the owner's next analytics request.
    const { timeZone, weeklyHours, overrides, holidays } = req.body;
    if ([timeZone, weeklyHours, overrides, holidays].some((v) => v !== undefined)) {
      await queueRecompute(app, req.log, { companyId: req.params.companyId });
    }
    return settings;
  });
};

export const servicesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const booking = app.ctx.services.bookingConfig;
  const tags = ['booking'];

  app.get('/', {
    schema: { tags, summary: 'List services (job types)', params: CompanyParams, response: { 200: Type.Object({ items: Type.Array(Service) }), ...errorResponses } },
  }, async (req) => ({ items: await booking.listServices(req.params.companyId) }));

  app.post('/', {
    schema: { tags, summary: 'Add a service', params: CompanyParams, body: CreateServiceBody, response: { 201: Service, ...errorResponses } },
    config: OWNER_ONLY,
  }, async (req, reply) => reply.status(201).send(await booking.createService(actorOf(principalOf(req)), req.params.companyId, req.body)));

  app.get('/:serviceId', {
    schema: { tags, summary: 'Read a service', params: ServiceParams, response: { 200: Service, ...errorResponses } },
  }, async (req) => booking.getService(req.params.companyId, req.params.serviceId));

  app.patch('/:serviceId', {
    schema: { tags, summary: 'Change a service', params: ServiceParams, body: UpdateServiceBody, response: { 200: Service, ...errorResponses } },
    config: OWNER_ONLY,
  }, async (req) => booking.updateService(actorOf(principalOf(req)), req.params.companyId, req.params.serviceId, req.body));

  app.delete('/:serviceId', {
    schema: { tags, summary: 'Delete a service that has no bookings', params: ServiceParams, response: { 204: Type.Null(), ...errorResponses } },
    config: OWNER_ONLY,
  }, async (req, reply) => {
    await booking.removeService(actorOf(principalOf(req)), req.params.companyId, req.params.serviceId);
    return reply.status(204).send(null);
  });
};

export const techniciansRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const booking = app.ctx.services.bookingConfig;
  const tags = ['booking'];

  app.get('/', {
    schema: { tags, summary: 'List technicians', params: CompanyParams, response: { 200: Type.Object({ items: Type.Array(Technician) }), ...errorResponses } },
  }, async (req) => ({ items: await booking.listTechnicians(req.params.companyId) }));

  app.post('/', {
    schema: { tags, summary: 'Add a technician', params: CompanyParams, body: CreateTechnicianBody, response: { 201: Technician, ...errorResponses } },
    config: OWNER_ONLY,
  }, async (req, reply) => reply.status(201).send(await booking.createTechnician(actorOf(principalOf(req)), req.params.companyId, req.body)));

  app.get('/:technicianId', {
    schema: { tags, summary: 'Read a technician', params: TechnicianParams, response: { 200: Technician, ...errorResponses } },
  }, async (req) => booking.getTechnician(req.params.companyId, req.params.technicianId));

  app.patch('/:technicianId', {
    schema: { tags, summary: "Change a technician: skills, zips, hours, time off, active", params: TechnicianParams, body: UpdateTechnicianBody, response: { 200: Technician, ...errorResponses } },
    config: OWNER_ONLY,
  }, async (req) => booking.updateTechnician(actorOf(principalOf(req)), req.params.companyId, req.params.technicianId, req.body));

  app.delete('/:technicianId', {
    schema: { tags, summary: 'Delete a technician who has no bookings', params: TechnicianParams, response: { 204: Type.Null(), ...errorResponses } },
    config: OWNER_ONLY,
  }, async (req, reply) => {
    await booking.removeTechnician(actorOf(principalOf(req)), req.params.companyId, req.params.technicianId);
    return reply.status(204).send(null);
  });
};
