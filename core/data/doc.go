// Package data holds measured x-y points, reads them from CSV text and
// Excel workbooks, and writes predictions as CSV.
//
// # Text
//
// ReadCSV reads comma-, semicolon- or tab-separated text, whichever
// splits the first rows evenly into two or more fields, preferring tab,
// then semicolon, then comma. Blank lines, lines starting with '#' and
// rows whose cells are all empty are ignored; line ends may be LF, CR LF,
// or the lone CR of old Mac OS files, mixed in any way, and line numbers
// in messages count each as one line. Spaces around values are ignored.
// Input with a zero byte in its first 64 KiB is binary, not text, and is
// refused (ErrBinary).
//
// The text may be UTF-8, with or without a byte order mark, UTF-16 with a
// byte order mark (what Excel saves as "Unicode text"), or the legacy
// Korean CP949 (EUC-KR) and Japanese Shift_JIS; see Encodings. Without
// ReadOptions.Encoding, the encoding is detected from the first 64 KiB: a
// byte order mark says UTF-8 or UTF-16; else text whose every other byte
// is zero is UTF-16; else bytes that are valid UTF-8 are UTF-8; else the
// text is whichever of CP949 and Shift_JIS decodes them without an invalid
// byte and reads more like everyday Korean or Japanese: common Hangul
// syllables count for CP949, kana and common kanji for Shift_JIS, and
// characters rare in real text against each (the rare Hangul syllables
// that Japanese text becomes in CP949, the half-width katakana that Korean
// text becomes in Shift_JIS); CP949 wins a tie. ReadResult.Encoding says
// which was used.
//
// # Header
//
// The first row is a header when its cells in the chosen columns hold
// text or nothing, and one at least holds text: text being anything but a
// number (with either decimal mark, or NaN, Inf and overflows), a date, or
// a missing value. A first row with text in one chosen column and a value
// in the other is data, so that a mistyped number such as "2O.5" in the
// first row is a bad cell reported at its line and column rather than a
// header that silently drops a point; when the text has no digit, as a
// name beside a year would, the message says to choose the columns by
// name, which makes the first row a header.
//
// # Numbers
//
// Numbers are written in decimal, with an optional sign and exponent
// ("-2.5e-3"); "NaN", "Inf" and numbers too large for a float64 are
// refused as not finite, hexadecimal and underscores as not numbers.
// Which characters separate the fraction and the thousands depends on the
// delimiter:
//
//   - Comma- and tab-separated text, and the text cells of workbooks: the
//     decimal mark is a point. A number may set off its thousands with
//     commas (quoted, in comma-separated text), "1,052.5" or "1,234", in
//     groups of three digits after a first group of one to three that does
//     not start with 0; other commas are refused, with a hint when the
//     text would be a number with a decimal comma ("2,5", "1.234,5").
//   - Semicolon-separated text, as spreadsheets write it in many locales:
//     the decimal mark is a point or a comma, the same for all the numbers
//     read, and the other character may set off thousands in the same
//     groups of three: "5,5", "1.234,5" and "1.234.567" with a comma;
//     "5.5", "1,234.5" and "1,234,567" with a point. The first number that
//     reads only one way tells the mark. A number that reads either way,
//     such as "1.234" (1.234 or 1234) or "1,234", takes the mark told,
//     before or after it; when no number tells, it is refused
//     (ErrAmbiguousNumber), and so is a number that reads only with the
//     other mark (ErrMixedDecimals). A number is never read one way when
//     the input says the other.
//
// A number with groups has no exponent, and a number has one decimal mark.
// Typed cells (XAxis.Parse) and grids read plain numbers only, without
// separators of thousands.
//
// # Missing values
//
// A cell that is empty or holds NA, N/A, #N/A, null, -, --, ---, /// or ×
// (see IsMissing) is missing, and a row whose x or y is missing is
// skipped; ReadResult.Missing counts such rows and MissingLines gives the
// lines of the first few. A cell that holds anything else that is not a
// value is an error, a *ParseError naming its line and column, unless
// ReadOptions.SkipBadRows is set.
//
// # Dates and months as x
//
// The x column may hold dates instead of numbers. Its kind is decided from
// its first 100 values, and then every value must be of that kind and
// form. XAxis says what x stands for; on a date axis x is the number of
// days since the earliest date, so that models and statistics work on it
// unchanged. The forms read are:
//
//	2012-01-31, 2012/01/31, 2012.01.31, 2012. 1. 31.   dates, year first (Date)
//	31/01/2012, 01/31/2012, 31-01-2012, 31.01.2012      dates, year last (Date)
//	2012-01-31T13:45, 2012-01-31 13:45:30.250+09:00     date and time (DateTime)
//	2012-01, 2012/01, and 2012.1 (see below)            year-months (YearMonth)
//	Jan, January, 1월, 1月                              month names (MonthName)
//
// Month and day may have one or two digits. A time of day follows the date
// after a 'T' or a space, has hours and minutes and may have seconds with
// a fraction, and may end in "Z" or an offset from UTC such as +09:00,
// +0900 or +09; either every time of a column has one or none has. Times
// with an offset are converted to UTC, and written back with the offset
// when the column had only one. In a date column, a date without a time is
// read as midnight.
//
// With the year last, the order of day and month comes from the cells
// themselves: a part above 12 is the day, as in 25/04/2012, and then
// every cell of the column must agree. A column in which no cell tells,
// such as one holding only 03/04/2012 and 05/06/2012, is refused at its
// first date, with a message that suggests the ISO 8601 form; the order is
// never guessed.
//
// Year-months written like numbers, 2012.1 to 2012.12, are read as such
// only when the column is clearly one of months: every value has that form
// with a month 1 to 12, and either the header says date or month (date,
// month, period, 일시, 날짜, 일자, 년월, 연월, 年月, 日付, 日時), or the
// values follow each other month by month and include an October written
// 2012.10, which as a number would be read as January. Otherwise they are
// numbers.
//
// Month names are read as x = 1 to 12 in English (abbreviated or in full,
// in any case), Korean (1월) and Japanese (1月).
//
// # Workbooks
//
// ReadFile reads Excel workbooks (.xlsx and .xlsm) as well as text; see
// ReadWorkbook. Old Excel workbooks (.xls), OpenDocument spreadsheets
// (.ods) and Apple Numbers documents are refused with a message that says
// how to convert them, whether told by their name or their content.
//
// # Large inputs
//
// Text is read as a stream, keeping only the chosen columns' values. Text
// longer than 64 KiB from a file or from bytes in memory is split into
// records on a goroutine of its own, a batch ahead of the reading of the
// values, and the goroutine has ended when ReadCSV returns; text from
// other readers, which may block, is read on the caller's goroutine
// alone. From 4 MiB on, the line ends of a file are counted first to make
// room for all its rows at once, and after four million rows the memory
// that the text of the records took is handed back to the system, so
// that a file needs little more than its values and about as much again
// at the peak.
//
// # Writing
//
// WritePredictions and WriteGridAxis write x as it was read: dates in the
// same layout, numbers in the shortest form that reads back as the same
// float64. GridSpec describes grids of x for predictions, such as
// "next:1y:1d" for every day of the year after the data.
package data
