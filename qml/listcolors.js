.pragma library

// The colours a list may have (the protocol's `color` names, in core's order) and the
// shades this app draws them in, a little lighter on the dark theme.

var names = ["red", "orange", "yellow", "green", "teal", "blue", "purple", "pink", "brown", "grey"]

var light = {
    red: "#d64541", orange: "#e8833a", yellow: "#d9a90b", green: "#3c9a4f", teal: "#2e8b74",
    blue: "#3a7bd5", purple: "#8e5cc2", pink: "#d3589b", brown: "#8d6e52", grey: "#77818a"
}
var dark = {
    red: "#ef6b67", orange: "#f29a5b", yellow: "#f0c636", green: "#62b874", teal: "#4fb39a",
    blue: "#6a9ee8", purple: "#ad85d9", pink: "#e67bb5", brown: "#b08f73", grey: "#9aa4ad"
}

function color(name, isDark) {
    return (isDark ? dark : light)[name] || "transparent"
}

function label(name) {
    switch (name) {
    case "red": return qsTr("Red")
    case "orange": return qsTr("Orange")
    case "yellow": return qsTr("Yellow")
    case "green": return qsTr("Green")
    case "teal": return qsTr("Teal")
    case "blue": return qsTr("Blue")
    case "purple": return qsTr("Purple")
    case "pink": return qsTr("Pink")
    case "brown": return qsTr("Brown")
    case "grey": return qsTr("Grey")
    }
    return qsTr("No colour")
}
