/** Language codes Gong accepts on POST /v2/calls (the sandbox's own copy of Gong's list). */
export const CALL_LANGUAGE_CODES: ReadonlySet<string> = new Set(
  ('af-ZA am-ET ar-AE ar-BH ar-DZ ar-EG ar-IL ar-IQ ar-JO ar-KW ar-LB ar-MA ar-MR ar-OM ar-PS ar-QA ar-SA ar-TN ar-YE ' +
  'az-AZ bg-BG bn-BD bn-IN bs-BA ca-ES cs-CZ da-DK de-AT de-CH de-DE el-GR en-AB en-AU en-CA en-GB en-IE en-IN en-NZ ' +
  'en-PH en-SG en-US en-WL en-ZA es-AR es-BO es-CL es-CO es-CR es-DO es-EC es-ES es-GT es-HN es-MX es-NI es-PA es-PE ' +
  'es-PR es-PY es-SV es-US es-UY et-EE eu-ES fa-IR fi-FI fil-PH fr-BE fr-CA fr-CH fr-FR gl-ES gu-IN he-IL hi-IN hr-HR ' +
  'hu-HU hy-AM id-ID is-IS it-CH it-IT ja-JP jv-ID ka-GE kk-KZ km-KH kn-IN ko-KR lo-LA lt-LT lv-LV mk-MK ml-IN mn-MN ' +
  'mr-IN ms-MY my-MM ne-NP nl-BE nl-NL no-NO pa-Guru-IN pl-PL pt-BR pt-PT ro-RO ru-RU si-LK sk-SK sl-SI sq-AL sr-RS ' +
  'su-ID sv-SE sw-KE sw-TZ ta-IN ta-LK ta-MY ta-SG te-IN th-TH tr-TR uk-UA ur-IN ur-PK uz-UZ vi-VN yue-Hant-HK zh-CN ' +
  'zh-TW zu-ZA').split(' '),
);

const ISO639_2B: Record<string, string> = { en: 'eng', fr: 'fre', de: 'ger', es: 'spa', it: 'ita', pt: 'por', nl: 'dut', ja: 'jpn', zh: 'chi' };

/** The `language` a processed call reports (ISO-639-2B), from the upload's languageCode. */
export function callLanguage(languageCode: string | undefined): string {
  return languageCode ? ISO639_2B[languageCode.split('-')[0] ?? ''] ?? 'und' : 'und';
}
