import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material
import Kinlist

// A kiosk's first start: pair the tablet with the household using a code an owner made
// in Settings, and choose the PIN that leaving kiosk mode needs. Sized for fingers.
Page {
    id: page
    required property Session session
    required property UserAccount account
    required property AppSettings settings
    required property Kiosk kiosk

    font.pixelSize: 20

    // Scrolls a field that got focus into view above the on-screen keyboard.
    function reveal(field) {
        const y = field.mapToItem(flick.contentItem, 0, 0).y
        const room = flick.height - (Qt.inputMethod.visible ? Qt.inputMethod.keyboardRectangle.height : 0)
        if (y + field.height > flick.contentY + room - 20 || y < flick.contentY)
            flick.contentY = Math.max(0, y - 40)
    }

    // The keyboard came up (or changed size) under the field being typed in.
    Connections {
        target: Qt.inputMethod
        function onVisibleChanged() { page.revealFocused() }
        function onKeyboardRectangleChanged() { page.revealFocused() }
    }
    function revealFocused() {
        const field = page.Window.activeFocusItem
        if (field && field.objectName.startsWith("kiosk"))
            Qt.callLater(page.reveal, field)
    }

    Flickable {
        id: flick
        anchors.fill: parent
        // Room to scroll every field above the keyboard.
        contentHeight: pane.height + 80 + page.height / 2
        clip: true

        // A tap beside the fields puts the on-screen keyboard away.
        MouseArea {
            objectName: "kioskPairBackground"
            width: flick.width
            height: flick.contentHeight
            onClicked: { Qt.inputMethod.hide(); page.forceActiveFocus() }
        }

        Pane {
            id: pane
            anchors.horizontalCenter: parent.horizontalCenter
            y: 40
            width: Math.min(560, page.width - 40)
            padding: 32
            Material.elevation: 3

            ColumnLayout {
                anchors.left: parent.left
                anchors.right: parent.right
                spacing: 14
                Label {
                    text: qsTr("Pair this kitchen tablet")
                    font.pixelSize: 32
                    font.weight: Font.DemiBold
                }
                Label {
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                    opacity: 0.75
                    text: qsTr("On a family computer, an owner opens Kinlist, Settings, and chooses \"Make a pairing code\". Type that code here.")
                }
                TextField {
                    id: server
                    onAccepted: code.forceActiveFocus() // the keyboard's Enter: on to the next
                    onActiveFocusChanged: if (activeFocus) Qt.callLater(page.reveal, this)
                    objectName: "kioskServer"
                    Layout.fillWidth: true
                    Layout.preferredHeight: 56
                    placeholderText: qsTr("Server address, e.g. kitchen-pc:8477")
                    text: page.account.serverAddress
                    inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
                    Accessible.name: qsTr("Server address")
                }
                TextField {
                    id: code
                    onAccepted: name.forceActiveFocus() // the keyboard's Enter: on to the next
                    onActiveFocusChanged: if (activeFocus) Qt.callLater(page.reveal, this)
                    objectName: "kioskCodeField"
                    Layout.fillWidth: true
                    Layout.preferredHeight: 56
                    placeholderText: qsTr("Pairing code, e.g. K7QX-M2PD")
                    inputMethodHints: Qt.ImhUppercaseOnly | Qt.ImhNoPredictiveText
                    font.capitalization: Font.AllUppercase
                    Accessible.name: qsTr("Pairing code")
                }
                TextField {
                    id: name
                    onAccepted: pin.forceActiveFocus() // the keyboard's Enter: on to the next
                    onActiveFocusChanged: if (activeFocus) Qt.callLater(page.reveal, this)
                    objectName: "kioskName"
                    Layout.fillWidth: true
                    Layout.preferredHeight: 56
                    text: qsTr("Kitchen tablet")
                    placeholderText: qsTr("A name for this tablet")
                    Accessible.name: qsTr("Tablet name")
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: 12
                    TextField {
                        id: pin
                        onAccepted: pinAgain.forceActiveFocus() // the keyboard's Enter: on to the next
                        onActiveFocusChanged: if (activeFocus) Qt.callLater(page.reveal, this)
                        objectName: "kioskPin"
                        Layout.fillWidth: true
                        Layout.preferredHeight: 56
                        placeholderText: qsTr("Exit PIN (4–8 digits)")
                        echoMode: TextInput.Password
                        inputMethodHints: Qt.ImhDigitsOnly
                        maximumLength: 8
                        Accessible.name: qsTr("PIN to leave kiosk mode")
                    }
                    TextField {
                        id: pinAgain
                        onActiveFocusChanged: if (activeFocus) Qt.callLater(page.reveal, this)
                        objectName: "kioskPinAgain"
                        Layout.fillWidth: true
                        Layout.preferredHeight: 56
                        placeholderText: qsTr("The PIN again")
                        echoMode: TextInput.Password
                        inputMethodHints: Qt.ImhDigitsOnly
                        maximumLength: 8
                        Accessible.name: qsTr("PIN again")
                        onAccepted: pair.clicked()
                    }
                }
                WrapSwitch {
                    objectName: "kioskRemember"
                    visible: page.account.credentialStatus.length > 0
                    font.pixelSize: 16
                    text: qsTr("This tablet has no keychain. Keep the pairing in a file only this user can read, so it survives a restart.")
                    checked: page.account.rememberInFile
                    onToggled: page.account.rememberInFile = checked
                }
                Label {
                    objectName: "kioskError"
                    Layout.fillWidth: true
                    visible: page.session.error.length > 0
                    text: page.session.error
                    wrapMode: Text.WordWrap
                    color: "#d64545"
                }
                Button {
                    font.capitalization: Font.MixedCase
                    id: pair
                    objectName: "kioskPair"
                    Layout.fillWidth: true
                    Layout.preferredHeight: 64
                    highlighted: true
                    Material.elevation: 0 // flat: drawn by every renderer, software too
                    enabled: !page.session.busy
                    text: page.session.busy ? qsTr("One moment…") : qsTr("Pair")
                    onClicked: page.kiosk.pair(server.text, code.text, name.text,
                                                      pin.text, pinAgain.text)
                }
                // The tablet has no settings page: its language is chosen here (and kept).
                LanguageBox {
                    objectName: "kioskLanguage"
                    settings: page.settings
                    flat: true
                    font.pixelSize: 18
                    Layout.alignment: Qt.AlignHCenter
                    Layout.preferredWidth: 320
                    Layout.preferredHeight: 56
                }
            }
        }
    }
}
