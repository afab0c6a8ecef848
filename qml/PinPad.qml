import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material

// Digits as large buttons, for the PIN that leaves kiosk mode. Shows dots, not digits.
ColumnLayout {
    id: pad
    property string pin: ""
    property string error: ""
    property string action: qsTr("Leave kiosk mode")
    signal submitted(string pin)
    signal cancelled()

    spacing: 12
    function press(key) {
        if (key === "⌫")
            pad.pin = pad.pin.slice(0, -1)
        else if (pad.pin.length < 8)
            pad.pin += key
    }
    function clear() { pad.pin = "" }

    // One drawn dot per digit typed (no font needed for them), or what to do.
    Item {
        Layout.alignment: Qt.AlignHCenter
        Layout.preferredHeight: 40
        implicitWidth: Math.max(dots.implicitWidth, hint.implicitWidth)
        Row {
            id: dots
            objectName: "dots"
            anchors.centerIn: parent
            spacing: 14
            visible: pad.pin.length > 0
            Accessible.role: Accessible.StaticText
            Accessible.name: qsTr("%n digit(s) entered", "", pad.pin.length)
            Repeater {
                model: pad.pin.length
                Rectangle {
                    objectName: "dot"
                    width: 18; height: 18; radius: 9
                    color: pad.Material.foreground
                }
            }
        }
        Label {
            id: hint
            anchors.centerIn: parent
            visible: pad.pin.length === 0
            text: qsTr("Enter the PIN")
            font.pixelSize: 24
        }
    }
    Label {
        objectName: "pinError"
        Layout.alignment: Qt.AlignHCenter
        Layout.maximumWidth: grid.width
        visible: pad.error.length > 0
        text: pad.error
        color: "#d64545"
        wrapMode: Text.WordWrap
        font.pixelSize: 16
    }
    GridLayout {
        id: grid
        Layout.alignment: Qt.AlignHCenter
        columns: 3
        rowSpacing: 10
        columnSpacing: 10
        Repeater {
            model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "", "0", "⌫"]
            delegate: Button {
                required property string modelData
                objectName: "key_" + (modelData === "⌫" ? "back" : modelData)
                // The blank key keeps 0 in the middle column.
                opacity: modelData.length > 0 ? 1 : 0
                enabled: modelData.length > 0
                Layout.preferredWidth: 84
                Layout.preferredHeight: 72
                text: modelData
                font.pixelSize: 28
                Accessible.name: modelData === "⌫" ? qsTr("Delete a digit") : modelData
                onClicked: pad.press(modelData)
            }
        }
    }
    RowLayout {
        Layout.alignment: Qt.AlignHCenter
        spacing: 12
        Button {
            font.capitalization: Font.MixedCase
            objectName: "pinCancel"
            Layout.preferredHeight: 60
            text: qsTr("Cancel")
            font.pixelSize: 18
            flat: true
            onClicked: { pad.clear(); pad.cancelled() }
        }
        Button {
            font.capitalization: Font.MixedCase
            objectName: "pinSubmit"
            Layout.preferredHeight: 60
            text: pad.action
            font.pixelSize: 18
            highlighted: true
            Material.elevation: 0 // flat: drawn by every renderer, software too
            enabled: pad.pin.length >= 4
            onClicked: { const p = pad.pin; pad.clear(); pad.submitted(p) }
        }
    }
}
