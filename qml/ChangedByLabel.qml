import QtQuick
import QtQuick.Controls
import "clock.js" as Clock

// Who else changed an item last and how long ago: "added by Mum, just now",
// "changed by Dad, 5 min ago". It ages as `now` ticks.
Label {
    id: label
    property string who
    property double at: 0
    property bool added: false
    property double now: Date.now()

    // How long ago `ms` was, as a person says it.
    function ago(ms) {
        const minutes = Math.floor((label.now - ms) / 60000)
        if (minutes < 1)
            return qsTr("just now")
        if (minutes < 60)
            return qsTr("%n min ago", "", minutes)
        const then = new Date(ms)
        if (then.toDateString() === new Date(label.now).toDateString())
            return qsTr("at %1").arg(Clock.time(then))
        return qsTr("on %1").arg(then.toLocaleDateString(Qt.locale(), Locale.ShortFormat))
    }

    visible: who.length > 0
    text: added
          //: Who added an item and when: "added by Mum, 5 min ago".
          ? qsTr("added by %1, %2").arg(who).arg(ago(at))
          //: Who changed an item last and when: "changed by Mum, 5 min ago".
          : qsTr("changed by %1, %2").arg(who).arg(ago(at))
}
