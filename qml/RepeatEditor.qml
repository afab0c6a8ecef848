import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// How a task repeats, in its details: a few common rules or one of its own (every N days;
// every N weeks on chosen weekdays; every N months on a day, every N years on a day of a
// month; the task's own day to begin with), turns
// among chosen people, and whether a late completion counts from the day it was done.
// rule() gives the protocol's "repeat" value (null: it does not repeat).
ColumnLayout {
    id: editor
    spacing: 0

    // The household's people ({userId, displayName}), the task's date ("YYYY-MM-DD", ""
    // for none: today's) and whom it is for now ("" for anyone).
    property var people: []
    property string dueIso: ""
    property string assignee: ""
    // Whether anything here was changed since load().
    property bool touched: false

    readonly property var presets: [
        { text: qsTr("Never"), unit: "", every: 1 },
        { text: qsTr("Every day"), unit: "day", every: 1 },
        { text: qsTr("Every week"), unit: "week", every: 1 },
        { text: qsTr("Every 2 weeks"), unit: "week", every: 2 },
        { text: qsTr("Every month"), unit: "month", every: 1 },
        { text: qsTr("Every year"), unit: "year", every: 1 },
        //: A repeat rule of the task's own: every N days, weeks on chosen days, ...
        { text: qsTr("Custom…"), unit: "", every: 1 }
    ]
    readonly property int customIndex: presets.length - 1
    // What shows under the choice changes once its list has closed: the dialog growing
    // under an open list moved it, and the list stayed open over the new controls.
    readonly property bool chosen: !box.popup.visible
    readonly property bool repeats: box.currentIndex > 0 && chosen
    readonly property bool custom: box.currentIndex === customIndex && chosen
    readonly property var units: ["day", "week", "month", "year"]
    property var weekdays: [] // ISO weekdays (1 Monday .. 7) of a rule of its own
    property var turns: [] // the user ids that take turns

    function day() {
        return dueIso.length === 10 ? new Date(dueIso + "T12:00:00") : new Date()
    }
    function isoWeekday(d) { return d.getDay() === 0 ? 7 : d.getDay() }
    function unitName(index, n) {
        //: Repeat every N days (the word after the number).
        return [qsTr("day(s)", "", n), qsTr("week(s)", "", n), qsTr("month(s)", "", n),
                qsTr("year(s)", "", n)][index]
    }

    // Shows `rule` (the task's "repeat", or null).
    function load(rule) {
        const r = rule && typeof rule === "object" ? rule : null
        let choice = 0
        if (r) {
            choice = customIndex
            const wd = r.weekdays || []
            for (let c = customIndex - 1; c > 0; --c)
                if (presets[c].unit === r.unit && presets[c].every === (r.every || 1)
                        && (r.unit !== "week" || (wd.length === 1 && wd[0] === isoWeekday(day())))
                        && (r.monthDay === undefined || r.monthDay === day().getDate())
                        && (r.month === undefined || r.month === day().getMonth() + 1))
                    choice = c
        }
        box.currentIndex = choice
        everySpin.value = r ? r.every || 1 : 1
        unitBox.currentIndex = r ? Math.max(0, units.indexOf(r.unit)) : 1
        weekdays = r && r.weekdays && r.weekdays.length > 0 ? r.weekdays.slice() : [isoWeekday(day())]
        daySpin.value = r && r.monthDay ? r.monthDay : day().getDate()
        monthBox.currentIndex = (r && r.month ? r.month : day().getMonth() + 1) - 1
        rotateBox.checked = !!(r && r.rotation && r.rotation.length > 0)
        turns = rotateBox.checked ? r.rotation.slice() : people.map(m => m.userId)
        fromTodayBox.checked = !!(r && r.from === "today")
        touched = false
    }

    // The rule as chosen, on the task's date: null when it does not repeat.
    function rule() {
        if (box.currentIndex <= 0)
            return null
        const d = day()
        const preset = presets[box.currentIndex]
        const own = box.currentIndex === customIndex
        const unit = own ? units[unitBox.currentIndex] : preset.unit
        const r = { unit: unit, every: own ? everySpin.value : preset.every,
                    from: fromTodayBox.checked ? "today" : "due" }
        if (unit === "week")
            r.weekdays = own ? weekdays.slice().sort() : [isoWeekday(d)]
        if (unit === "month" || unit === "year")
            r.monthDay = own ? daySpin.value : d.getDate()
        if (unit === "year")
            r.month = own ? monthBox.currentIndex + 1 : d.getMonth() + 1
        // (Not the box's visibility: the dialog may be closing.)
        if (people.length > 1 && rotateBox.checked) {
            // In the household's order, starting with whoever has it now.
            const ids = people.map(m => m.userId).filter(id => turns.indexOf(id) >= 0)
            const at = ids.indexOf(assignee)
            if (ids.length > 0)
                r.rotation = at < 0 ? ids : ids.slice(at).concat(ids.slice(0, at))
        }
        return r
    }

    function toggleWeekday(iso) {
        const at = weekdays.indexOf(iso)
        if (at < 0)
            weekdays = weekdays.concat([iso])
        else if (weekdays.length > 1) // a weekly rule needs a day
            weekdays = weekdays.filter(d => d !== iso)
        touched = true
    }
    function toggleTurn(userId) {
        turns = turns.indexOf(userId) < 0 ? turns.concat([userId]) : turns.filter(id => id !== userId)
        touched = true
    }

    ComboBox {
        id: box
        objectName: "detailsRepeat"
        Layout.fillWidth: true
        model: editor.presets.map(c => c.text)
        onActivated: editor.touched = true
        Accessible.name: qsTr("Repeats")
    }

    // A rule of its own: "every [2] [weeks]", and on which days.
    RowLayout {
        visible: editor.custom
        Layout.fillWidth: true
        //: Before the number of a custom repeat: "Every [2] [weeks]".
        Label { text: qsTr("Every") }
        SpinBox {
            id: everySpin
            objectName: "repeatEvery"
            from: 1
            to: 999
            editable: true
            Layout.preferredWidth: 132
            onValueModified: editor.touched = true
            Accessible.name: qsTr("Repeat every")
        }
        // The model holds only indexes, so the words can follow the number without a new
        // model (which would lose the choice).
        ComboBox {
            id: unitBox
            objectName: "repeatUnit"
            Layout.fillWidth: true
            model: [0, 1, 2, 3]
            displayText: editor.unitName(currentIndex, everySpin.value)
            delegate: ItemDelegate {
                required property int modelData
                width: unitBox.width
                text: editor.unitName(modelData, everySpin.value)
                highlighted: unitBox.highlightedIndex === modelData
            }
            onActivated: editor.touched = true
            Accessible.name: qsTr("Repeat unit")
        }
    }
    Row {
        objectName: "weekdays"
        visible: editor.custom && unitBox.currentIndex === 1
        spacing: 2
        Repeater {
            model: 7
            delegate: RoundButton {
                required property int index
                // From the locale's first day of the week; Qt's days: 0 is Sunday.
                readonly property int qtDay: (Qt.locale().firstDayOfWeek + index) % 7
                readonly property int iso: qtDay === 0 ? 7 : qtDay
                readonly property bool chosen: editor.weekdays.indexOf(iso) >= 0
                objectName: "weekday_" + iso
                width: 38
                height: 40
                padding: 0
                flat: !chosen
                highlighted: chosen
                Material.elevation: 0
                text: Qt.locale().dayName(qtDay, Locale.ShortFormat)
                font.pixelSize: 11
                font.capitalization: Font.MixedCase
                onClicked: editor.toggleWeekday(iso)
                Accessible.name: Qt.locale().dayName(qtDay, Locale.LongFormat)
                Accessible.checkable: true
                Accessible.checked: chosen
            }
        }
    }

    // Monthly: on which day; yearly: on which day of which month. A day past a month's end
    // is that month's last.
    RowLayout {
        visible: editor.custom && unitBox.currentIndex >= 2
        Layout.fillWidth: true
        //: Before the day of a custom monthly repeat: "On day [15]".
        Label { text: unitBox.currentIndex === 3 ? qsTr("On") : qsTr("On day") }
        ComboBox {
            id: monthBox
            objectName: "repeatMonth"
            visible: unitBox.currentIndex === 3
            Layout.fillWidth: true
            model: Array.from({ length: 12 }, (_, m) => Qt.locale().standaloneMonthName(m, Locale.LongFormat))
            onActivated: editor.touched = true
            Accessible.name: qsTr("Month")
        }
        SpinBox {
            id: daySpin
            objectName: "repeatDay"
            from: 1
            // (February: the 29th, which is the 28th in other years.)
            to: unitBox.currentIndex === 3 ? new Date(2024, monthBox.currentIndex + 1, 0).getDate() : 31
            editable: true
            Layout.preferredWidth: 132
            onValueModified: editor.touched = true
            Accessible.name: qsTr("Day of the month")
        }
        Item { Layout.fillWidth: unitBox.currentIndex !== 3 }
    }
    Label {
        visible: editor.custom && unitBox.currentIndex === 2 && daySpin.value > 28
        Layout.fillWidth: true
        text: qsTr("In shorter months, on their last day.")
        wrapMode: Text.WordWrap
        opacity: 0.65
        font.pixelSize: 12
    }

    CheckBox {
        id: rotateBox
        objectName: "detailsRotate"
        visible: editor.repeats && editor.people.length > 1
        text: qsTr("Take turns")
        onToggled: editor.touched = true
    }
    // Who takes turns, in the household's order.
    Flow {
        visible: rotateBox.visible && rotateBox.checked
        Layout.fillWidth: true
        Layout.leftMargin: 24
        Repeater {
            model: editor.people
            delegate: CheckBox {
                required property var modelData
                objectName: "turn_" + modelData.displayName
                text: modelData.displayName
                checked: editor.turns.indexOf(modelData.userId) >= 0
                onToggled: {
                    editor.toggleTurn(modelData.userId)
                    checked = Qt.binding(() => editor.turns.indexOf(modelData.userId) >= 0)
                }
            }
        }
    }
    CheckBox {
        id: fromTodayBox
        objectName: "detailsFromToday"
        visible: editor.repeats
        text: qsTr("If done late, count from that day")
        onToggled: editor.touched = true
    }
}
