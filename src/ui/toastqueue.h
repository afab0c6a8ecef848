#pragma once

#include "client/syncclient.h"

#include <QAbstractListModel>
#include <QElapsedTimer>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace kinlist::ui {

// The toasts in the corner: others' live changes, coalesced ("Dad added 4 items to
// Groceries"), each gone after a few seconds; errors; never one's own changes, nor those
// of a muted list. At most a few at once, the oldest making room.
class ToastQueue : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The session owns the toasts")
    // While someone reads them (the folded toasts opened): none goes; once let go, each
    // has its full time again.
    Q_PROPERTY(bool held READ held WRITE setHeld NOTIFY heldChanged)
public:
    enum Role { TextRole = Qt::UserRole + 1, KindRole, ListIdRole };
    Q_ENUM(Role)

    static constexpr int kMaxShown = 3;
    static constexpr int kShowMs = 6000;
    static constexpr int kCoalesceMs = 5000;

    explicit ToastQueue(QObject *parent = nullptr);

    void setClient(client::SyncClient *client);
    void setMuted(const QSet<QString> &listIds) { m_muted = listIds; }
    // Off: no toasts for others' changes at all (errors still show).
    void setChangesEnabled(bool on) { m_changesEnabled = on; }
    void showError(const QString &message);
    // A task's reminder, in the window (a kitchen tablet; a desktop without notifications).
    void showReminder(const QString &text, const QString &listId);

    int rowCount(const QModelIndex &parent = {}) const override;
    // The language changed: every row says its text again.
    void retranslate();
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE void dismiss(int row);
    bool held() const { return m_held; }
    void setHeld(bool held);

Q_SIGNALS:
    void heldChanged();
    // A toast of others' changes came, or counted one more (same id): for the desktop
    // notification that says it while the window is not in front.
    void changeShown(quint64 id, const QString &text, const QString &listId);

private:
    enum class Action {
        Added,
        CheckedOff,
        Unchecked,
        Changed,
        Removed,
        Did,
        // Whole lists; firstTitle is the list's name.
        ListRenamed,
        ListArchived,
        ListUnarchived,
        ListDeleted,
        ListRestored
    };
    struct Toast
    {
        quint64 id = 0;
        QString kind; // "change" or "error"
        QString text;
        QString listId;
        // For coalescing: whose changes of what kind, and how many.
        QString by;
        Action action = Action::Changed;
        int count = 0;
        QString firstTitle;
        qint64 shownAt = 0; // m_clock ms
    };
    static std::optional<Action> listAction(const Op &op);
    void onRemoteOp(const Op &op, const client::LocalStore::Origin &origin, bool live);
    QString describe(const Toast &t) const;
    void push(Toast toast);
    void expire();

    QPointer<client::SyncClient> m_client;
    QSet<QString> m_muted;
    bool m_changesEnabled = true;
    bool m_held = false;
    QList<Toast> m_toasts;
    quint64 m_nextId = 1;
    QElapsedTimer m_clock;
    QTimer m_expiry;
};

} // namespace kinlist::ui
