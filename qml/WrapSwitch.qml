import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// A switch whose words wrap onto more lines in a narrow dialog or a long language, instead
// of widening the dialog's layout past its edge. The whole of it, words too, toggles.
Switch {
    id: control
    Layout.fillWidth: true
    contentItem: Text {
        leftPadding: control.indicator && !control.mirrored ? control.indicator.width + control.spacing : 0
        rightPadding: control.indicator && control.mirrored ? control.indicator.width + control.spacing : 0
        text: control.text
        font: control.font
        color: control.enabled ? control.Material.foreground : control.Material.hintTextColor
        wrapMode: Text.WordWrap
        verticalAlignment: Text.AlignVCenter
    }
}
