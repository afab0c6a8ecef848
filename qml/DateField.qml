import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// A date as the locale writes it ("15/01/2030", "1/15/30"), typed or picked from a month's
// calendar; isoDate holds it as YYYY-MM-DD, "" for none.
RowLayout {
    id: root
    property string isoDate: ""
    signal accepted()

    function pad(n) { return (n < 10 ? "0" : "") + n }
    function iso(year, month, day) { return year + "-" + pad(month) + "-" + pad(day) }
    // (Local midnight: a bare "YYYY-MM-DD" would be read as UTC.)
    function toDate(text) {
        const p = text.split("-")
        return p.length === 3 ? new Date(Number(p[0]), Number(p[1]) - 1, Number(p[2])) : null
    }
    function format(d) { return d.toLocaleDateString(Qt.locale(), Locale.ShortFormat) }
    function show() { field.text = isoDate.length > 0 ? format(toDate(isoDate)) : "" }
    // What was typed, in the locale's short form; two-digit years are this century's.
    function parse() {
        const text = field.text.trim()
        if (text.length === 0) {
            isoDate = ""
            return true
        }
        const d = Date.fromLocaleDateString(Qt.locale(), text, Locale.ShortFormat)
        if (isNaN(d.getTime()))
            return false
        // "30" is 2030, whether the locale writes two digits (read as 1930) or four.
        const twoDigits = Qt.locale().dateFormat(Locale.ShortFormat).indexOf("yyyy") < 0
        const year = d.getFullYear() < 100 ? d.getFullYear() + 2000
                   : twoDigits && d.getFullYear() < 2000 ? d.getFullYear() + 100 : d.getFullYear()
        isoDate = iso(year, d.getMonth() + 1, d.getDate())
        show()
        return true
    }
    onIsoDateChanged: show()

    TextField {
        id: field
        objectName: "dueField"
        Layout.fillWidth: true
        placeholderText: qsTr("No date, or e.g. %1").arg(root.format(new Date()))
        Accessible.name: qsTr("Due date")
        color: valid ? Material.foreground : "#d64545"
        property bool valid: true // what is typed reads as a date (or is empty)
        onTextEdited: valid = true
        onEditingFinished: valid = root.parse()
        onAccepted: {
            valid = root.parse()
            if (valid)
                root.accepted()
        }
    }
    ToolButton {
        objectName: "pickDate"
        icon.source: "qrc:/icons/adwaita/x-office-calendar-symbolic.svg"
        display: AbstractButton.IconOnly
        text: qsTr("Pick a date")
        onClicked: picker.open()
        ToolTip.visible: hovered
        ToolTip.text: text
        Accessible.name: text
    }

    Popup {
        id: picker
        objectName: "datePicker"
        y: root.height
        x: root.width - width
        padding: 8
        margins: 8 // inside the window, above the field when there is no room below
        modal: true
        onAboutToShow: {
            const d = root.isoDate.length > 0 ? root.toDate(root.isoDate) : new Date()
            grid.month = d.getMonth()
            grid.year = d.getFullYear()
        }
        contentItem: ColumnLayout {
            RowLayout {
                Layout.fillWidth: true
                ToolButton {
                    objectName: "previousMonth"
                    icon.source: "qrc:/icons/adwaita/go-previous-symbolic.svg"
                    display: AbstractButton.IconOnly
                    text: qsTr("Previous month")
                    Accessible.name: text
                    onClicked: {
                        if (grid.month === 0) { grid.month = 11; grid.year -= 1 } else grid.month -= 1
                    }
                }
                Label {
                    objectName: "monthName"
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    font.weight: Font.DemiBold
                    text: Qt.locale().standaloneMonthName(grid.month) + " " + grid.year
                }
                ToolButton {
                    objectName: "nextMonth"
                    icon.source: "qrc:/icons/adwaita/go-next-symbolic.svg"
                    display: AbstractButton.IconOnly
                    text: qsTr("Next month")
                    Accessible.name: text
                    onClicked: {
                        if (grid.month === 11) { grid.month = 0; grid.year += 1 } else grid.month += 1
                    }
                }
            }
            DayOfWeekRow {
                locale: grid.locale
                Layout.fillWidth: true
            }
            MonthGrid {
                id: grid
                objectName: "monthGrid"
                locale: Qt.locale()
                Layout.fillWidth: true
                Layout.preferredWidth: 280
                delegate: AbstractButton {
                    id: cell
                    required property int day
                    required property int month
                    required property int year
                    required property bool today
                    readonly property bool inMonth: month === grid.month
                    readonly property bool chosen: root.isoDate === root.iso(year, month + 1, day)
                    objectName: inMonth ? "day_" + day : ""
                    enabled: inMonth
                    implicitHeight: 36
                    text: day
                    Accessible.name: new Date(year, month, day).toLocaleDateString(Qt.locale(), Locale.LongFormat)
                    contentItem: Label {
                        text: cell.day
                        horizontalAlignment: Text.AlignHCenter
                        verticalAlignment: Text.AlignVCenter
                        opacity: cell.inMonth ? 1 : 0.3
                        color: cell.chosen ? "white" : Material.foreground
                        font.weight: cell.today ? Font.Bold : Font.Normal
                    }
                    background: Rectangle {
                        radius: height / 2
                        color: cell.chosen ? "#2e8b74" : cell.hovered ? Qt.rgba(0.5, 0.5, 0.5, 0.15) : "transparent"
                        border.width: cell.today && !cell.chosen ? 1 : 0
                        border.color: "#2e8b74"
                    }
                    onClicked: {
                        root.isoDate = root.iso(year, month + 1, cell.day)
                        picker.close()
                    }
                }
            }
            Button {
                objectName: "noDate"
                font.capitalization: Font.MixedCase
                flat: true
                Layout.alignment: Qt.AlignRight
                text: qsTr("No date")
                onClicked: { root.isoDate = ""; picker.close() }
            }
        }
    }
}
