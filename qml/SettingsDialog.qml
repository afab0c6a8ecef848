import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Kinlist
import "clock.js" as Clock

// Settings: the account and server, the household's members, theme, notifications, and
// where the sign-in is kept.
Dialog {
    id: dialog
    required property Session session
    required property UserAccount account
    required property Households households
    required property AppSettings settings
    required property Kiosk kiosk
    signal inviteRequested()

    objectName: "settingsDialog"
    title: qsTr("Settings")
    modal: true
    // Buttons of our own, so they speak the chosen language at once.
    footer: DialogButtonBox {
        Button {
            font.capitalization: Font.MixedCase
            objectName: "settingsClose"
            text: qsTr("Close")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }
    width: 500
    // Fits the window; what does not fit scrolls.
    height: Math.min(implicitHeight, (parent ? parent.height : 720) - 32)
    anchors.centerIn: Overlay.overlay
    onOpened: dialog.households.refreshMembers()

    ScrollView {
        id: scroller
        anchors.fill: parent
        contentWidth: availableWidth
        clip: true

        ColumnLayout {
            // Clear of the scroll bar, which would otherwise lie over the text.
            width: scroller.availableWidth - (scroller.ScrollBar.vertical.visible ? scroller.ScrollBar.vertical.width + 4 : 0)
            spacing: 10

            Label { text: qsTr("Account"); font.weight: Font.DemiBold }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: qsTr("Signed in as %1 on %2.").arg(dialog.account.userName).arg(dialog.account.serverAddress)
            }

            Label { text: qsTr("Members of %1").arg(dialog.households.currentName); font.weight: Font.DemiBold; Layout.topMargin: 8 }
            // In a Column, not straight in the layout: Qt 6.4's layouts keep rows the
            // Repeater has dropped while the dialog was closed, and crash on showing it.
            Column {
                Layout.fillWidth: true
                spacing: 10
                Repeater {
                    model: dialog.households.members
                    delegate: RowLayout {
                        id: member
                        required property var modelData
                        width: parent ? parent.width : 0
                        Label {
                            Layout.fillWidth: true
                            text: member.modelData.role === "owner" ? qsTr("%1 (owner)").arg(member.modelData.displayName)
                                : member.modelData.role === "kiosk" ? qsTr("%1 (kitchen tablet)").arg(member.modelData.displayName)
                                : member.modelData.displayName
                        }
                        Button {
                            font.capitalization: Font.MixedCase
                            objectName: "remove_" + member.modelData.displayName
                            visible: dialog.households.role === "owner"
                                     && member.modelData.userId !== dialog.account.userId
                            flat: true
                            text: member.modelData.role === "kiosk" ? qsTr("Unpair") : qsTr("Remove")
                            Accessible.name: qsTr("Remove %1 from the household").arg(member.modelData.displayName)
                            onClicked: {
                                removeConfirm.who = member.modelData
                                removeConfirm.open()
                            }
                        }
                    }
                }
            }
            Button {
                font.capitalization: Font.MixedCase
                objectName: "settingsInvite"
                text: qsTr("Invite someone")
                flat: true
                onClicked: { dialog.close(); dialog.inviteRequested() }
            }

            Label { text: qsTr("Kitchen tablet"); font.weight: Font.DemiBold; Layout.topMargin: 8 }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                opacity: 0.8
                text: qsTr("A tablet on the wall shows the lists to everyone, full screen. Start Kinlist there with --kiosk (or choose kiosk mode below) and enter a pairing code.")
            }
            RowLayout {
                Layout.fillWidth: true
                Button {
                    font.capitalization: Font.MixedCase
                    objectName: "pairTablet"
                    text: qsTr("Make a pairing code")
                    flat: true
                    visible: dialog.households.role === "owner"
                    enabled: !dialog.session.busy
                    onClicked: dialog.kiosk.createCode()
                }
                Label {
                    objectName: "kioskCode"
                    Layout.fillWidth: true
                    visible: dialog.kiosk.code.length > 0
                    wrapMode: Text.WordWrap
                    textFormat: Text.StyledText
                    text: qsTr("<b>%1</b>, valid once until %2").arg(dialog.kiosk.code)
                          .arg(Clock.time(dialog.kiosk.codeExpires))
                }
            }
            Button {
                font.capitalization: Font.MixedCase
                objectName: "useAsKiosk"
                text: qsTr("Use this computer as the kitchen kiosk…")
                flat: true
                onClicked: kioskConfirm.open()
            }
            Dialog {
                id: removeConfirm
                width: 440 // (its own buttons have no width of their own to offer)
                property var who: ({})
                title: qsTr("Remove %1?").arg(removeConfirm.who.displayName || "")
                modal: true
                anchors.centerIn: Overlay.overlay
                // Buttons of our own, so they speak the chosen language at once.
                footer: DialogButtonBox {
                    Button {
                        font.capitalization: Font.MixedCase
                        objectName: "removeConfirmed"
                        text: removeConfirm.who.role === "kiosk" ? qsTr("Unpair") : qsTr("Remove")
                        DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
                    }
                    Button {
                        font.capitalization: Font.MixedCase
                        text: qsTr("Cancel")
                        DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
                    }
                }
                Label {
                    width: 380
                    wrapMode: Text.WordWrap
                    text: removeConfirm.who.role === "kiosk"
                          ? qsTr("The tablet stops showing the household's lists at once and needs a new pairing code.")
                          : qsTr("They no longer see the household's lists. An owner can invite them again.")
                }
                onAccepted: dialog.households.removeMember(removeConfirm.who.userId)
            }
            Dialog {
                id: kioskConfirm
                width: 440 // (its own buttons have no width of their own to offer)
                objectName: "kioskConfirm"
                title: qsTr("Use this computer as the kiosk?")
                modal: true
                anchors.centerIn: Overlay.overlay
                // Buttons of our own, so they speak the chosen language at once.
                footer: DialogButtonBox {
                    Button {
                        font.capitalization: Font.MixedCase
                        objectName: "kioskConfirmed"
                        text: qsTr("Restart as kiosk")
                        DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
                    }
                    Button {
                        font.capitalization: Font.MixedCase
                        text: qsTr("Cancel")
                        DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
                    }
                }
                Label {
                    width: 380
                    wrapMode: Text.WordWrap
                    text: qsTr("Kinlist restarts full screen and asks for a pairing code and a PIN. Leaving kiosk mode then needs that PIN; your own sign-in stays on this computer.")
                }
                onAccepted: dialog.kiosk.useAsKiosk()
            }

            Label { text: qsTr("Appearance"); font.weight: Font.DemiBold; Layout.topMargin: 8 }
            RowLayout {
                RadioButton {
                    objectName: "themeSystem"
                    text: qsTr("System")
                    checked: dialog.settings.theme === "system"
                    onClicked: dialog.settings.theme = "system"
                }
                RadioButton {
                    objectName: "themeLight"
                    text: qsTr("Light")
                    checked: dialog.settings.theme === "light"
                    onClicked: dialog.settings.theme = "light"
                }
                RadioButton {
                    objectName: "themeDark"
                    text: qsTr("Dark")
                    checked: dialog.settings.theme === "dark"
                    onClicked: dialog.settings.theme = "dark"
                }
            }

            RowLayout {
                spacing: 12
                Label { text: qsTr("Language") }
                LanguageBox {
                    objectName: "language"
                    settings: dialog.settings
                    Layout.preferredWidth: 240
                }
            }

            WrapSwitch {
                objectName: "notifications"
                text: qsTr("Tell me when others change our lists")
                checked: dialog.settings.notifications
                onToggled: dialog.settings.notifications = checked
            }
            WrapSwitch {
                objectName: "closeToTray"
                visible: !dialog.kiosk.active
                text: qsTr("Keep Kinlist in the tray when I close the window, for reminders and news")
                checked: dialog.settings.closeToTray
                onToggled: dialog.settings.closeToTray = checked
            }
            WrapSwitch {
                objectName: "startAtLogin"
                visible: !dialog.kiosk.active
                text: qsTr("Start Kinlist in the tray when I log in")
                checked: dialog.settings.startAtLogin
                onToggled: dialog.settings.startAtLogin = checked
            }

            Label { text: qsTr("Signing in"); font.weight: Font.DemiBold; Layout.topMargin: 8 }
            Label {
                objectName: "credentialStatus"
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                visible: text.length > 0
                text: dialog.account.credentialStatus
                opacity: 0.8
            }
            WrapSwitch {
                objectName: "rememberInFile"
                text: qsTr("Where no keychain is available, remember my sign-in in a file only my user can read")
                checked: dialog.account.rememberInFile
                onToggled: dialog.account.rememberInFile = checked
            }
            Button {
                font.capitalization: Font.MixedCase
                objectName: "signOut"
                text: qsTr("Sign out of this device")
                onClicked: { dialog.close(); dialog.account.signOut() }
            }
        }
    }
}
