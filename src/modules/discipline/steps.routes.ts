import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { getAccess } from '../../platform/access';
import { ZNoContent } from '../../platform/http/schemas';
import type { AppContext } from '../../platform/module';
import { addSuspension, deliverDecision, dropCase, extendProcessing, liftSuspension } from './case-actions.service';
import { visibleCase } from './cases.routes';
import { recordDecision } from './decision.service';
import { ZCaseParams, ZCouncilBody, ZCouncilMeetingBody, ZDecisionBody, ZDeliveryBody, ZInvitationBody, ZLiftBody, ZMinutesBody, ZReasonBody, ZSuspensionBody, ZSuspensionCreated, ZSuspensionParams } from './discipline.dto';
import { formCouncil, holdCouncil, holdReview, inviteReview } from './procedure.service';

const tags = ['discipline'];

/** The steps of the procedure; each answers 204 and the case page reloads the case. */
export async function stepsRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const done = { 204: ZNoContent };
  const caseOf = async (req: Parameters<typeof getAccess>[0], id: string) => {
    const access = getAccess(req);
    return { access, c: await visibleCase(ctx, access, id) };
  };

  app.post('/api/discipline/cases/:id/review-invitation', { schema: { summary: 'Record the review meeting invitation (delivered ≥ 5 working days ahead) and generate the giấy mời DOCX', tags, params: ZCaseParams, body: ZInvitationBody, response: done } }, async (req, reply) => {
    const { access, c } = await caseOf(req, req.params.id);
    await inviteReview(ctx, access, c.id, req.body, ctx.now());
    return reply.status(204).send();
  });

  app.post('/api/discipline/cases/:id/review-minutes', { schema: { summary: 'Record the review meeting (attendees, opinions, conclusion) and generate its minutes DOCX', tags, params: ZCaseParams, body: ZMinutesBody, response: done } }, async (req, reply) => {
    const { access, c } = await caseOf(req, req.params.id);
    await holdReview(ctx, access, c.id, req.body, ctx.now());
    return reply.status(204).send();
  });

  app.post('/api/discipline/cases/:id/council', { schema: { summary: 'Form the disciplinary council (chair, members, secretary; never the person concerned or a relative)', tags, params: ZCaseParams, body: ZCouncilBody, response: done } }, async (req, reply) => {
    const { access, c } = await caseOf(req, req.params.id);
    await formCouncil(ctx, access, c.id, req.body, ctx.now());
    return reply.status(204).send();
  });

  app.post('/api/discipline/cases/:id/council-meeting', { schema: { summary: 'Record the council meeting, the secret-ballot count per form and the recommendation; generate its minutes DOCX', tags, params: ZCaseParams, body: ZCouncilMeetingBody, response: done } }, async (req, reply) => {
    const { access, c } = await caseOf(req, req.params.id);
    await holdCouncil(ctx, access, c.id, req.body, ctx.now());
    return reply.status(204).send();
  });

  app.post('/api/discipline/cases/:id/decision', { schema: { summary: 'Enter the decision taken by the competent person (number, dates, the form they chose, reasons); generate the decision DOCX', tags, params: ZCaseParams, body: ZDecisionBody, response: done } }, async (req, reply) => {
    const { access, c } = await caseOf(req, req.params.id);
    await recordDecision(ctx, access, c.id, req.body, ctx.now());
    return reply.status(204).send();
  });

  app.post('/api/discipline/cases/:id/delivery', { schema: { summary: 'Record the day the decision reached the person (the complaint period runs from it)', tags, params: ZCaseParams, body: ZDeliveryBody, response: done } }, async (req, reply) => {
    const { access, c } = await caseOf(req, req.params.id);
    await deliverDecision(ctx.db, access, c.id, req.body.deliveredOn, ctx.now());
    return reply.status(204).send();
  });

  app.post('/api/discipline/cases/:id/drop', { schema: { summary: 'Close the case without discipline, with a reason', tags, params: ZCaseParams, body: ZReasonBody, response: done } }, async (req, reply) => {
    const { access, c } = await caseOf(req, req.params.id);
    await dropCase(ctx.db, access, c.id, req.body.reason, ctx.now());
    return reply.status(204).send();
  });

  app.post('/api/discipline/cases/:id/extension', { schema: { summary: 'Extend the processing period to 150 days for a complex case, with a reason', tags, params: ZCaseParams, body: ZReasonBody, response: done } }, async (req, reply) => {
    const { access, c } = await caseOf(req, req.params.id);
    await extendProcessing(ctx.db, access, c.id, req.body.reason, ctx.now());
    return reply.status(204).send();
  });

  app.post('/api/discipline/cases/:id/suspensions', { schema: { summary: 'Enter a "chưa xem xét xử lý" period (illness, detention, maternity/child under 12 months) with its document', tags, params: ZCaseParams, body: ZSuspensionBody, response: { 201: ZSuspensionCreated } } }, async (req, reply) => {
    const { access, c } = await caseOf(req, req.params.id);
    return reply.status(201).send({ id: await addSuspension(ctx.db, access, c.id, req.body, ctx.now()) });
  });

  app.post('/api/discipline/cases/:id/suspensions/:suspensionId/end', { schema: { summary: 'End a suspension entered by hand', tags, params: ZSuspensionParams, body: ZLiftBody, response: done } }, async (req, reply) => {
    const { access, c } = await caseOf(req, req.params.id);
    await liftSuspension(ctx.db, access, c.id, req.params.suspensionId, req.body.toDate, ctx.now());
    return reply.status(204).send();
  });
}
