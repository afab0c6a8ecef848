import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material

// Others' changes and errors as a stack of toasts (a view of a ToastQueue, or any model
// with text, kind and listId); a tap asks to open the list, and dismisses.
Column {
    id: root
    property alias model: repeater.model
    property int toastWidth: 340
    property int fontSize: 14
    signal dismissRequested(int index)
    signal openRequested(string listId)

    objectName: "toasts"
    spacing: 8
    Repeater {
        id: repeater
        delegate: Pane {
            id: toast
            required property int index
            required property string text
            required property string kind
            required property string listId
            width: root.toastWidth
            padding: 12
            Material.elevation: 4
            Material.background: kind === "error" ? "#fdecea"
                               : Material.theme === Material.Dark ? "#2f3538" : "#ffffff"
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
            RowLayout {
                width: parent.width
                Label {
                    Layout.fillWidth: true
                    text: toast.text
                    wrapMode: Text.WordWrap
                    font.pixelSize: root.fontSize
                    color: toast.kind === "error" ? "#a12622" : Material.foreground
                }
                ToolButton {
                    objectName: "dismissToast"
                    icon.source: "qrc:/icons/adwaita/window-close-symbolic.svg"
                    display: AbstractButton.IconOnly
                    text: qsTr("Dismiss")
                    implicitWidth: 48
                    implicitHeight: 48
                    onClicked: root.dismissRequested(toast.index)
                    Accessible.name: qsTr("Dismiss")
                }
            }
            TapHandler {
                onTapped: {
                    if (toast.listId.length > 0)
                        root.openRequested(toast.listId)
                    root.dismissRequested(toast.index)
                }
            }
        }
    }
}
