.pragma library
.import QtQml 2.15 as QtQml

// A time of day as the locale writes a clock: hours and minutes, no seconds (the C
// locale's short format has them). Language::clockTime is the same in C++.
function time(date) {
    return Qt.formatTime(date, Qt.locale().timeFormat(QtQml.Locale.ShortFormat).replace(/[:.]ss/, ""))
}
