import QtQuick
import QtQuick.VirtualKeyboard

// Qt's on-screen keyboard for the kiosk, sliding up from the bottom of the window while a
// text field has focus. Loaded only in kiosk mode.
InputPanel {
    id: keyboard
    objectName: "keyboard"
    y: active ? parent.height - height : parent.height
    width: parent.width
    visible: active
}
