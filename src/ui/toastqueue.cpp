#include "toastqueue.h"

namespace kinlist::ui {

using client::LocalStore;
using client::SyncClient;

ToastQueue::ToastQueue(QObject *parent)
    : QAbstractListModel(parent)
{
    m_clock.start();
    m_expiry.setInterval(500);
    connect(&m_expiry, &QTimer::timeout, this, &ToastQueue::expire);
}

void ToastQueue::setClient(SyncClient *client)
{
    if (m_client)
        m_client->disconnect(this);
    m_client = client;
    if (client)
        connect(client, &SyncClient::remoteOp, this, &ToastQueue::onRemoteOp);
}

void ToastQueue::onRemoteOp(const Op &op, const LocalStore::Origin &origin, bool live)
{
    // Only what others do now (the user's own changes on another device are no news), on
    // lists that are not muted: items, and whole lists renamed, archived or deleted.
    if (!m_changesEnabled || !live || m_muted.contains(op.listId) ||
        origin.by == m_client->userId())
        return;
    Toast t;
    t.kind = QStringLiteral("change");
    t.listId = op.listId;
    t.by = origin.byName.isEmpty() ? m_client->store()->personName(origin.by) : origin.byName;
    if (t.by.isEmpty())
        t.by = tr("Someone");
    t.count = 1;
    if (op.entityKind() == EntityKind::List) {
        const std::optional<Action> action = listAction(op);
        if (!action)
            return; // a colour or a place in the side bar is no news
        t.action = *action;
        t.firstTitle = op.fields.value(QStringLiteral("name")).toString(); // a new name
        if (t.firstTitle.isEmpty()) {
            if (const auto list = m_client->store()->viewEntity(op.listId))
                t.firstTitle = list->value(QStringLiteral("name")).toString();
        }
        if (t.action == Action::ListDeleted)
            t.listId.clear(); // nothing to open
        push(std::move(t));
        return;
    }
    if (op.entityKind() != EntityKind::Item)
        return;
    if (op.type == Op::Type::ItemCreate)
        t.action = Action::Added;
    else if (op.type == Op::Type::ItemDelete)
        t.action = Action::Removed;
    else if (op.type == Op::Type::ItemMove)
        return; // reordering is no news
    else if (op.fields.value(QStringLiteral("completed")).isObject())
        t.action = Action::Did; // a repeating task's occurrence
    else if (op.fields.contains(QStringLiteral("done")) && op.fields.size() == 1)
        t.action = op.fields.value(QStringLiteral("done")).toBool() ? Action::CheckedOff
                                                                    : Action::Unchecked;
    t.firstTitle = op.fields.value(QStringLiteral("title")).toString();
    if (t.firstTitle.isEmpty()) {
        if (const auto item = m_client->store()->viewEntity(op.itemId))
            t.firstTitle = item->value(QStringLiteral("title")).toString();
    }
    push(std::move(t));
}

std::optional<ToastQueue::Action> ToastQueue::listAction(const Op &op)
{
    if (op.type == Op::Type::ListDelete)
        return Action::ListDeleted;
    if (op.type != Op::Type::ListSet)
        return std::nullopt;
    switch (listChange(op)) {
    case ListChange::Restored:
        return Action::ListRestored;
    case ListChange::Renamed:
        return Action::ListRenamed;
    case ListChange::Archived:
        return Action::ListArchived;
    case ListChange::Unarchived:
        return Action::ListUnarchived;
    default:
        return std::nullopt;
    }
}

QString ToastQueue::describe(const Toast &t) const
{
    if (t.kind != QLatin1String("change"))
        return t.text; // an error's or a reminder's sentence, as it was said
    QString list;
    if (const auto entity = m_client ? m_client->store()->viewEntity(t.listId) : std::nullopt)
        list = entity->value(QStringLiteral("name")).toString();
    const bool one = t.count == 1;
    switch (t.action) {
    case Action::Added:
        return one ? tr("%1 added %2 to %3").arg(t.by, t.firstTitle, list)
                   : tr("%1 added %n item(s) to %2", nullptr, t.count).arg(t.by, list);
    case Action::CheckedOff:
        return one ? tr("%1 checked off %2").arg(t.by, t.firstTitle)
                   : tr("%1 checked off %n item(s) on %2", nullptr, t.count).arg(t.by, list);
    case Action::Unchecked:
        return one ? tr("%1 put %2 back on %3").arg(t.by, t.firstTitle, list)
                   : tr("%1 put %n item(s) back on %2", nullptr, t.count).arg(t.by, list);
    case Action::Removed:
        return one ? tr("%1 removed %2 from %3").arg(t.by, t.firstTitle, list)
                   : tr("%1 removed %n item(s) from %2", nullptr, t.count).arg(t.by, list);
    case Action::Did:
        //: Someone did a repeating task: "Dad did Take out bins".
        return one ? tr("%1 did %2").arg(t.by, t.firstTitle)
                   : tr("%1 did %n task(s) on %2", nullptr, t.count).arg(t.by, list);
    case Action::ListRenamed:
        return tr("%1 renamed a list to %2").arg(t.by, t.firstTitle);
    case Action::ListArchived:
        return tr("%1 archived the list %2").arg(t.by, t.firstTitle);
    case Action::ListUnarchived:
        return tr("%1 took the list %2 out of the archive").arg(t.by, t.firstTitle);
    case Action::ListDeleted:
        return tr("%1 deleted the list %2").arg(t.by, t.firstTitle);
    case Action::ListRestored:
        return tr("%1 brought back the list %2").arg(t.by, t.firstTitle);
    case Action::Changed:
        break;
    }
    return one ? tr("%1 changed %2 on %3").arg(t.by, t.firstTitle, list)
               : tr("%1 changed %n item(s) on %2", nullptr, t.count).arg(t.by, list);
}

void ToastQueue::push(Toast toast)
{
    const qint64 now = m_clock.elapsed();
    // The same person doing the same to items of the same list moments ago: one toast,
    // counted.
    for (int i = 0; i < m_toasts.size(); ++i) {
        Toast &t = m_toasts[i];
        if (t.kind == toast.kind && t.kind == QLatin1String("change") && t.by == toast.by &&
            t.listId == toast.listId && t.action == toast.action &&
            toast.action < Action::ListRenamed && now - t.shownAt < kCoalesceMs) {
            t.count += toast.count;
            t.shownAt = now;
            t.text = describe(t);
            Q_EMIT dataChanged(index(i), index(i), {TextRole});
            Q_EMIT changeShown(t.id, t.text, t.listId);
            return;
        }
    }
    if (m_toasts.size() >= kMaxShown)
        dismiss(0);
    toast.id = m_nextId++;
    toast.shownAt = now;
    toast.text = describe(toast);
    beginInsertRows({}, int(m_toasts.size()), int(m_toasts.size()));
    m_toasts.append(toast);
    endInsertRows();
    if (toast.kind == QLatin1String("change"))
        Q_EMIT changeShown(toast.id, toast.text, toast.listId);
    if (!m_expiry.isActive())
        m_expiry.start();
}

void ToastQueue::showError(const QString &message)
{
    Toast t;
    t.kind = QStringLiteral("error");
    t.text = message;
    push(std::move(t));
}

void ToastQueue::showReminder(const QString &text, const QString &listId)
{
    Toast t;
    t.kind = QStringLiteral("reminder");
    t.text = text;
    t.listId = listId;
    push(std::move(t));
}

void ToastQueue::setHeld(bool held)
{
    if (held == m_held)
        return;
    m_held = held;
    if (!held) {
        const qint64 now = m_clock.elapsed();
        for (Toast &t : m_toasts)
            t.shownAt = now;
    }
    Q_EMIT heldChanged();
}

void ToastQueue::expire()
{
    if (m_held)
        return;
    const qint64 now = m_clock.elapsed();
    for (int i = int(m_toasts.size()) - 1; i >= 0; --i) {
        if (now - m_toasts.at(i).shownAt >= kShowMs)
            dismiss(i);
    }
    if (m_toasts.isEmpty())
        m_expiry.stop();
}

void ToastQueue::dismiss(int row)
{
    if (row < 0 || row >= m_toasts.size())
        return;
    beginRemoveRows({}, row, row);
    m_toasts.removeAt(row);
    endRemoveRows();
}

void ToastQueue::retranslate()
{
    if (m_toasts.isEmpty())
        return;
    for (Toast &t : m_toasts)
        t.text = describe(t); // (an error's sentence stays as it was said)
    Q_EMIT dataChanged(index(0), index(int(m_toasts.size()) - 1), {TextRole});
}

int ToastQueue::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_toasts.size());
}

QVariant ToastQueue::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Toast &t = m_toasts.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return t.text;
    case KindRole:
        return t.kind;
    case ListIdRole:
        return t.listId;
    default:
        return {};
    }
}

QHash<int, QByteArray> ToastQueue::roleNames() const
{
    return {{TextRole, "text"}, {KindRole, "kind"}, {ListIdRole, "listId"}};
}

} // namespace kinlist::ui
