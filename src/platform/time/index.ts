/**
 * Vietnam time and dates for every module: conversions between instants and local dates/times (UTC+7, no daylight
 * saving), date arithmetic on 'YYYY-MM-DD' strings, and the Vietnamese display formats. One copy, so a date means
 * the same thing in attendance, deadlines, notices and exports.
 */
export * from './local-time';
export * from './format-vi';
