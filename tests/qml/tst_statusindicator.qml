import QtQuick
import QtTest
import Kinlist

// The status indicator in every state: colour, word, "N waiting", Retry now.
TestCase {
    id: tc
    name: "StatusIndicator"
    width: 400
    height: 100
    visible: true // a TestCase is not, by default: its children would all read as hidden
    when: windowShown

    Component {
        id: indicator
        StatusIndicator {}
    }

    SignalSpy {
        id: retrySpy
        signalName: "retryRequested"
    }

    function child(item, name) {
        return findChild(item, name)
    }

    function test_states_data() {
        return [
            { tag: "live", state: "live", label: "Live", colour: "#2e9e5b", pending: 0, retry: false },
            { tag: "syncing", state: "syncing", label: "Syncing", colour: "#2f80ed", pending: 3, retry: false },
            { tag: "connecting", state: "connecting", label: "Connecting", colour: "#e0a030", pending: 0, retry: false },
            { tag: "offline", state: "offline", label: "Offline", colour: "#8a8f98", pending: 12, retry: true },
            { tag: "signedout", state: "signedout", label: "Signed out", colour: "#d64545", pending: 2, retry: false },
            { tag: "error", state: "error", label: "Error", colour: "#d64545", pending: 0, retry: false },
        ]
    }

    function test_states(data) {
        const s = createTemporaryObject(indicator, tc, {
            connectionState: data.state, label: data.label, pendingCount: data.pending,
            canRetry: data.retry, detail: "details for " + data.tag })
        verify(s)
        compare(child(s, "word").text, data.label)
        verify(Qt.colorEqual(child(s, "dot").color, data.colour), "dot colour for " + data.tag)
        compare(child(s, "waiting").visible, data.pending > 0)
        if (data.pending > 0)
            verify(child(s, "waiting").text.indexOf(String(data.pending)) >= 0)
        compare(child(s, "retry").visible, data.retry)
        compare(s.Accessible.name, "Connection: " + data.label)
        verify(s.implicitWidth > 60)
    }

    function test_retryNow() {
        const s = createTemporaryObject(indicator, tc, { connectionState: "offline", label: "Offline", canRetry: true })
        retrySpy.target = s
        retrySpy.clear()
        const button = child(s, "retry")
        verify(button.visible)
        mouseClick(button)
        compare(retrySpy.count, 1)
    }
}
