package data

import "strings"

// formulaStarts are the first characters that make a spreadsheet read a
// cell as a formula or a command: OWASP's list for CSV injection.
const formulaStarts = "=+-@\t\r"

// SafeText returns text taken from the user, such as a column name, made
// safe to write into a CSV file that a spreadsheet may open: a text that
// starts with =, +, -, @, a tab or a carriage return, which Excel,
// LibreOffice and Google Sheets would read as a formula (CSV injection),
// gets a single quote in front, as OWASP advises, so that it is shown as
// text; any other text is returned as it is. The writers of this package
// also quote such a field. Numbers and dates are not text and are never
// changed: a negative number such as -3.5 is written as it is.
func SafeText(text string) string {
	if text != "" && strings.IndexByte(formulaStarts, text[0]) >= 0 {
		return "'" + text
	}
	return text
}
