import type { AgentSettingsService } from '../agent-settings/agent-settings.service.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { BookingConfigService } from '../booking/booking-config.service.ts';
import type { BookingsService } from '../booking/bookings.service.ts';
import type { CompaniesService } from '../companies/companies.service.ts';
import type { KnowledgeService } from '../knowledge/knowledge.service.ts';
import type { PhoneNumbersService } from '../phone-numbers/phone-numbers.service.ts';
import type { TradeCategoriesService } from '../trade-categories/trade-categories.service.ts';
import type { VoiceSettingsService } from '../voice-settings/voice-settings.service.ts';
import type { WidgetService } from '../widget/widget.service.ts';

/** The services that own the parts of the document; this module reaches their data only through them. */
export interface CompanyConfigDeps {
  audit: AuditService;
  companies: CompaniesService;
  tradeCategories: TradeCategoriesService;
  phoneNumbers: PhoneNumbersService;
  agentSettings: AgentSettingsService;
  voiceSettings: VoiceSettingsService;
  widget: WidgetService;
  bookingConfig: BookingConfigService;
  bookings: Pick<BookingsService, 'lockWritesIn'>;
  knowledge: KnowledgeService;
}
