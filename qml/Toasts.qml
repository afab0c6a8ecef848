import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material

// Others' changes and errors as toasts (a view of a ToastQueue, or any model with text,
// kind and listId); a tap asks to open the list, and dismisses. Only the newest shows, with
// "2 more" above it: three toasts in a column would cover the rows beneath them. The
// button unfolds the others until they are gone.
Column {
    id: root
    property alias model: repeater.model
    property int toastWidth: 340
    property int fontSize: 14
    property bool expanded: false
    signal dismissRequested(int index)
    signal openRequested(string listId)

    objectName: "toasts"
    spacing: 8
    readonly property int count: repeater.count
    onCountChanged: if (count < 2) expanded = false
    // Unfolded, none goes while it is read; it folds again after a while without the
    // pointer on it.
    onExpandedChanged: if (model && model.held !== undefined) model.held = expanded
    HoverHandler { id: hover }
    Timer {
        interval: 8000
        running: root.expanded && !hover.hovered
        onTriggered: root.expanded = false
    }

    Button {
        objectName: "moreToasts"
        visible: root.count > 1 && !root.expanded
        anchors.right: parent.right
        flat: true
        font.capitalization: Font.MixedCase
        font.pixelSize: root.fontSize
        //: Above the newest toast: the older ones, folded away.
        text: qsTr("%n more", "", root.count - 1)
        ToolTip.visible: hovered
        ToolTip.delay: 600
        ToolTip.text: qsTr("Show the other messages")
        icon.source: "qrc:/icons/adwaita/pan-up-symbolic.svg"
        onClicked: root.expanded = true
        Accessible.name: text
    }
    Repeater {
        id: repeater
        delegate: Pane {
            id: toast
            required property int index
            required property string text
            required property string kind
            required property string listId
            visible: root.expanded || index === root.count - 1
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
