import { Type } from 'typebox';
import { DateTime } from '../../http/common-schemas.ts';
import { MAX_ALLOWED_ORIGINS } from './widget-origins.ts';

export const AllowedOrigins = Type.Array(Type.String({ minLength: 1, maxLength: 300 }), {
  maxItems: MAX_ALLOWED_ORIGINS,
  description: 'Sites that may embed the widget, as exact origins (https://www.example.com, no path, no wildcard). A browser on any other site is refused (403 WIDGET_ORIGIN_NOT_ALLOWED). Empty: no site may.',
});

export const WidgetSettingsDocument = Type.Object({
  allowedOrigins: Type.Array(Type.String()),
  widgetKey: Type.String({ description: 'Public by design: it sits in the web page. Rotate it to retire it.' }),
  scriptUrl: Type.String(),
  snippet: Type.String({ description: "The line to paste into the company's web pages" }),
  version: Type.Integer({ minimum: 0, description: '0: never saved; counts origin changes and key rotations' }),
  updatedAt: Type.Union([DateTime, Type.Null()]),
});

const ExpectedVersion = Type.Optional(Type.Integer({ minimum: 0, description: 'The version this edit started from; if another save came first the answer is 409 CONFLICT' }));

export const PutWidgetSettingsBody = Type.Object(
  { allowedOrigins: Type.Optional(AllowedOrigins), expectedVersion: ExpectedVersion },
  { additionalProperties: false, description: 'Fields left out keep their value' },
);

export const RotateWidgetKeyBody = Type.Object({ expectedVersion: ExpectedVersion }, { additionalProperties: false });

/** The widget part of the configuration document: no key (a key belongs to one company). */
export const WidgetDoc = Type.Object({ allowedOrigins: AllowedOrigins }, { additionalProperties: false });
