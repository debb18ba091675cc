#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVariant>

// Spreadsheet files as RFC 4180 describes them (comma-separated, CRLF line ends, a field quoted
// when it holds a comma, a quote or a line break, a quote doubled inside quotes), in UTF-8.
// Exports carry patients' own words, and a spreadsheet program runs a cell that starts like a
// formula: such a cell is neutralised with a leading apostrophe, so it reads as the text it was.
namespace vox::csv {

// The byte order mark spreadsheet programs look for to read a file as UTF-8.
inline constexpr char byteOrderMark[] = "\xEF\xBB\xBF";

// Whether a spreadsheet program would take `text` as a formula: it starts with =, +, -, @, a tab
// or a carriage return, and is not a plain decimal number ("-12.5" is a number, not a formula).
bool looksLikeFormula(const QString &text);

// A value as a spreadsheet program should read it, whatever the screen made of it: numbers plain,
// with '.' for decimals, no grouping and no '+' ("1234.5", "-3", "200"), dates and times in
// ISO 8601, anything else as its text. A figure shown as "1.234,5" or "+200 %" is then a number
// the program can add up, while text (a patient's words) still goes through field()'s guard.
QString plain(const QVariant &value);

// One field, neutralised and quoted as needed.
QByteArray field(const QString &text);

// One record: the fields joined by commas, ended by CRLF.
QByteArray record(const QStringList &fields);

} // namespace vox::csv
