import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings

// Qt's on-screen keyboard for the kiosk, sliding up from the bottom of the window while a
// text field has focus, with the keys of the app's language (German has ä, ö, ü and ß;
// French é, è, à). Loaded only in kiosk mode.
InputPanel {
    id: keyboard
    objectName: "keyboard"
    // The app's language: "en", "de", "es" or "fr".
    property string language: "en"
    y: active ? parent.height - height : parent.height
    width: parent.width
    visible: active
    Binding {
        target: VirtualKeyboardSettings
        property: "locale"
        value: Qt.locale(keyboard.language).name // "de_DE"
    }
}
