#include "listeditor.h"

#include "categories.h"
#include "client/clientlogging.h"
#include "core/fracindex.h"
#include "core/recurrence.h"
#include "core/uuid.h"
#include "session.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLocale>
#include <QTimer>

namespace kinlist::ui {

using client::SyncClient;

namespace {
QSet<QString> mutedLists(const QSettings &settings)
{
    const QStringList muted = settings.value(QStringLiteral("mutedLists")).toStringList();
    return QSet<QString>(muted.cbegin(), muted.cend());
}
} // namespace

ListEditor::ListEditor(Session &session)
    : QObject(&session)
    , m_session(session)
{
    m_session.toasts()->setMuted(mutedLists(m_session.config()));
    ListsModel *lists = households()->lists();
    // The side bar takes the open list's counts from its items model.
    connect(&m_items, &ItemsModel::countsChanged, this, [this, lists] {
        if (!m_listId.isEmpty())
            lists->setCounts(m_listId, m_items.openCount(), m_items.doneCount());
    });
    // The first list to arrive (after joining a household, say) opens.
    const auto openFirstList = [this, lists] {
        if (m_listId.isEmpty() && lists->rowCount() > 0)
            setListId(lists->idAt(0));
    };
    connect(lists, &QAbstractItemModel::modelReset, this, openFirstList);
    connect(lists, &QAbstractItemModel::rowsInserted, this, openFirstList);
    connect(m_session.settings(), &AppSettings::languageChanged, this, [this] {
        m_items.retranslate();
        m_activity.retranslate();
        updateCategoryOrder(); // the dictionary's order is the language's
    });
    connect(&m_session, &Session::accountOpened, this, &ListEditor::connectAccount);
    connect(&m_session, &Session::accountClosing, this, [this] {
        m_items.setSource(nullptr, {});
        m_activity.setSource(nullptr, {}, {});
        m_listId.clear();
        m_undo.clear();
        if (!m_duplicateId.isEmpty())
            dismissDuplicate();
        Q_EMIT undoChanged();
        notifyList();
        Q_EMIT presenceChanged();
    });
}

ListEditor::~ListEditor()
{
    m_activity.setSource(nullptr, {}, {});
    m_items.setSource(nullptr, {});
}

client::Account *ListEditor::account() const
{
    return m_session.account();
}

Households *ListEditor::households() const
{
    return m_session.households();
}

void ListEditor::connectAccount()
{
    SyncClient *sync = account()->sync();
    connect(sync, &SyncClient::entityChanged, this,
            [this](const QString &listId, const QString &entityId) {
                if (listId != entityId || listId != m_listId)
                    return;
                const auto list = account()->store()->viewEntity(listId);
                if (list && list->isDeleted()) { // deleted elsewhere: open another
                    ListsModel *lists = households()->lists();
                    setListId(lists->rowCount() > 0 ? lists->idAt(0) : QString());
                }
                notifyList(); // its name or kind
            });
    connect(sync, &SyncClient::presenceChanged, this, [this](const QString &listId) {
        if (listId == m_listId)
            Q_EMIT presenceChanged();
    });
    // A snapshot can rename the open list; a delete elsewhere can take it away.
    connect(sync, &SyncClient::listChanged, this, [this](const QString &listId) {
        if (listId == m_listId)
            notifyList();
    });
}

void ListEditor::setListId(const QString &id)
{
    if (id == m_listId && m_items.listId() == id)
        return;
    m_listId = id;
    // Undo and the duplicate question belong to the list they were made on.
    m_undo.clear();
    Q_EMIT undoChanged();
    if (!m_duplicateId.isEmpty())
        dismissDuplicate();
    m_items.setSource(account() ? account()->sync() : nullptr, id,
                      kind() == QLatin1String("shopping"));
    m_activity.setSource(account() ? account()->sync() : nullptr, id, households()->currentId());
    Q_EMIT presenceChanged();
    notifyList();
    Q_EMIT mutedChanged();
}

void ListEditor::notifyList()
{
    updateCategoryOrder();
    // Told only when what shows differs: a list's entity changes with every sync of it.
    const std::optional<Entity> list = currentItem(m_listId); // read once for both
    const QStringList shown {
        m_listId, listField(list, QStringLiteral("name")), listField(list, QStringLiteral("kind")),
        listField(list, QStringLiteral("color")),
        list && list->value(QStringLiteral("archived")).toBool() ? QStringLiteral("archived")
                                                                 : QString()};
    if (shown == m_shownList)
        return;
    m_shownList = shown;
    Q_EMIT listChanged();
}

QStringList ListEditor::familyCategoryOrder() const
{
    QStringList order;
    if (const auto list = currentItem(m_listId)) {
        for (const QJsonValue &c : list->value(QStringLiteral("categoryOrder")).toArray())
            order << c.toString();
    }
    return order;
}

void ListEditor::updateCategoryOrder()
{
    // The family's order first (the list's categoryOrder), then the dictionaries' shop
    // order: each place in it in every language, the app's own first. A family whose
    // members speak different languages keeps, say, dairy together; a change of language
    // moves no item.
    QStringList order = familyCategoryOrder();
    const QString language = m_session.settings()->languageInUse();
    QList<QStringList> orders {Categories::of(language).order()};
    for (const Language::Choice &other : Language::available()) {
        if (other.code != language)
            orders << Categories::of(other.code).order();
    }
    for (int place = 0; place < orders.constFirst().size(); ++place) {
        for (const QStringList &o : std::as_const(orders)) {
            if (place < o.size() && !order.contains(o.at(place), Qt::CaseInsensitive))
                order << o.at(place);
        }
    }
    if (order == m_items.categoryOrder())
        return;
    m_items.setCategoryOrder(order);
    Q_EMIT categoryOrderChanged();
}

QStringList ListEditor::categoriesToOrder() const
{
    // The family's order, the rest of the dictionary's in the app's language, then the
    // categories on the list neither names.
    QStringList out = familyCategoryOrder();
    for (const QString &c : Categories::of(m_session.settings()->languageInUse()).order()) {
        if (!out.contains(c, Qt::CaseInsensitive))
            out << c;
    }
    QStringList others;
    for (int i = 0; i < m_items.rowCount(); ++i) {
        const QString c = m_items.index(i).data(ItemsModel::CategoryRole).toString();
        if (!c.isEmpty() && !out.contains(c, Qt::CaseInsensitive) &&
            !others.contains(c, Qt::CaseInsensitive))
            others << c;
    }
    return (out + others).mid(0, Limits::kCategoryOrder);
}

QString ListEditor::name() const
{
    return listField(currentItem(m_listId), QStringLiteral("name"));
}

QString ListEditor::kind() const
{
    return listField(currentItem(m_listId), QStringLiteral("kind"));
}

QString ListEditor::color() const
{
    return listField(currentItem(m_listId), QStringLiteral("color"));
}

bool ListEditor::archived() const
{
    const auto list = currentItem(m_listId);
    return list && list->value(QStringLiteral("archived")).toBool();
}

QString ListEditor::listField(const std::optional<Entity> &list, const QString &field)
{
    return list ? list->value(field).toString() : QString();
}

std::optional<Entity> ListEditor::currentItem(const QString &itemId) const
{
    if (!account() || itemId.isEmpty())
        return std::nullopt;
    return account()->store()->viewEntity(itemId);
}

void ListEditor::applyUndoable(Op op, Op inverse, const QString &text)
{
    if (!m_session.apply(std::move(op)))
        return;
    pushUndo({std::move(inverse)}, text);
}

void ListEditor::pushUndo(QList<Op> inverse, const QString &text, const QString &reopen)
{
    m_undo.append(Undo {std::move(inverse), text, reopen});
    if (m_undo.size() > kMaxUndo)
        m_undo.removeFirst();
    Q_EMIT undoChanged();
}

QVariantList ListEditor::presence() const
{
    QVariantList out;
    if (!account() || m_listId.isEmpty())
        return out;
    const QString self = account()->store()->clientId();
    QMap<QString, QVariantMap> people; // by user: one face per person, however many devices
    for (const QJsonObject &m : account()->sync()->presence(m_listId)) {
        if (m.value(QStringLiteral("clientId")).toString() == self)
            continue;
        const QString userId = m.value(QStringLiteral("userId")).toString();
        QVariantMap &p = people[userId];
        const QString name = m.value(QStringLiteral("displayName")).toString();
        p.insert(QStringLiteral("userId"), userId);
        p.insert(QStringLiteral("name"), name);
        QString initials;
        for (const QString &part : name.split(QLatin1Char(' '), Qt::SkipEmptyParts).mid(0, 2))
            initials += part.at(0).toUpper();
        p.insert(QStringLiteral("initials"), initials);
        QStringList devices = p.value(QStringLiteral("devices")).toStringList();
        devices << m.value(QStringLiteral("device")).toString();
        p.insert(QStringLiteral("devices"), devices);
    }
    for (const QVariantMap &p : std::as_const(people))
        out.append(p);
    return out;
}

void ListEditor::addItem(const QString &typed)
{
    if (typed.trimmed().isEmpty() || m_listId.isEmpty())
        return;
    // On a shopping list "2 l milk" is two litres of milk; a task says what it says.
    // A title the family or the dictionary knows whole ("7 Up") stays whole.
    QuickEntry entry;
    entry.title = typed.trimmed();
    if (kind() == QLatin1String("shopping") && !knownTitle(entry.title))
        entry = QuickEntry::parse(typed);
    const QString &title = entry.title;
    // The same title open on the list already: ask rather than add a silent duplicate.
    for (int i = 0; i < m_items.rowCount(); ++i) {
        const QModelIndex idx = m_items.index(i);
        if (idx.data(ItemsModel::DoneRole).toBool() ||
            idx.data(ItemsModel::TitleRole).toString().compare(title, Qt::CaseInsensitive) != 0)
            continue;
        const auto item = currentItem(idx.data(ItemsModel::IdRole).toString());
        const QString by = item
            ? account()->store()->personName(item->value(QStringLiteral("createdBy")).toString())
            : QString();
        const qint64 at = item ? qint64(item->value(QStringLiteral("createdAt")).toDouble()) : 0;
        const qint64 minutes = at > 0 ? (QDateTime::currentMSecsSinceEpoch() - at) / 60000 : -1;
        const QString when = minutes < 0 ? QString()
            : minutes < 1                ? tr("just now")
            : minutes < 60               ? tr("%n minute(s) ago", nullptr, int(minutes))
            : minutes < 48 * 60          ? tr("%n hour(s) ago", nullptr, int(minutes / 60))
                                         : tr("%n day(s) ago", nullptr, int(minutes / (24 * 60)));
        m_duplicateId = idx.data(ItemsModel::IdRole).toString();
        m_duplicateEntry = entry;
        m_duplicateText = by.isEmpty()
            ? tr("%1 is already on the list.").arg(idx.data(ItemsModel::TitleRole).toString())
            : tr("%1 is already on the list (added by %2, %3).")
                  .arg(idx.data(ItemsModel::TitleRole).toString(), by, when);
        Q_EMIT duplicateChanged();
        return;
    }
    appendItem(entry);
}

void ListEditor::appendItem(const QuickEntry &entry)
{
    Op op;
    op.type = Op::Type::ItemCreate;
    op.listId = m_listId;
    op.itemId = createUuid();
    op.fields = {
        {QStringLiteral("title"), entry.title},
        {QStringLiteral("done"), false},
        {QStringLiteral("position"), placeItem([this] { return m_items.positionAtEnd(); })}};
    if (entry.quantity)
        op.fields.insert(QStringLiteral("quantity"), *entry.quantity);
    if (!entry.unit.isEmpty())
        op.fields.insert(QStringLiteral("unit"), entry.unit);
    if (kind() == QLatin1String("shopping")) {
        if (const QString category = categoryFor(entry.title); !category.isEmpty())
            op.fields.insert(QStringLiteral("category"), category);
    }
    m_session.apply(op);
}

bool ListEditor::knownTitle(const QString &title) const
{
    const auto list = currentItem(m_listId);
    return (account() && list && account()->store()->remembered(list->householdId, title)) ||
        Categories::of(m_session.settings()->languageInUse()).knows(title);
}

QString ListEditor::categoryFor(const QString &title) const
{
    // The family's own last choice for the title, else the dictionary of the app's language.
    const auto list = currentItem(m_listId);
    if (account() && list) {
        const auto known = account()->store()->remembered(list->householdId, title);
        if (known && !known->category.isEmpty())
            return known->category;
    }
    return Categories::of(m_session.settings()->languageInUse()).categoryOf(title);
}

QVariantList ListEditor::suggestions(const QString &typed) const
{
    QVariantList out;
    const auto list = currentItem(m_listId);
    if (!account() || !list || kind() != QLatin1String("shopping"))
        return out;
    // The title part of what is typed ("mi" of "2 l mi"); the rest stays as typed.
    const QString line = typed.simplified();
    const QString part = QuickEntry::parse(typed).title;
    if (part.isEmpty())
        return out;
    QString before;
    QString after;
    if (line.endsWith(part, Qt::CaseInsensitive))
        before = line.left(line.size() - part.size());
    else if (line.startsWith(part, Qt::CaseInsensitive))
        after = line.mid(part.size());
    // Not what is open on the list already.
    QSet<QString> open;
    for (int i = 0; i < m_items.rowCount(); ++i) {
        const QModelIndex idx = m_items.index(i);
        if (!idx.data(ItemsModel::DoneRole).toBool())
            open.insert(idx.data(ItemsModel::TitleRole).toString().simplified().toCaseFolded());
    }
    const auto found = account()->store()->suggestions(list->householdId, part,
                                                       kMaxSuggestions + int(open.size()));
    for (const auto &r : found) {
        if (open.contains(r.title.toCaseFolded()))
            continue;
        out.append(QVariantMap {{QStringLiteral("title"), r.title},
                                {QStringLiteral("category"), r.category},
                                {QStringLiteral("unit"), r.unit},
                                {QStringLiteral("text"), before + r.title + after}});
        if (out.size() == kMaxSuggestions)
            break;
    }
    return out;
}

std::optional<double> ListEditor::moreAmount() const
{
    // What was typed ("2 l milk": 2) in the unit the open item has; nothing in another.
    const auto item = currentItem(m_duplicateId);
    if (!item ||
        item->value(QStringLiteral("unit"))
                .toString()
                .compare(m_duplicateEntry.unit, Qt::CaseInsensitive) != 0)
        return std::nullopt;
    return m_duplicateEntry.quantity.value_or(1);
}

QString ListEditor::moreText() const
{
    const auto amount = moreAmount();
    if (m_duplicateId.isEmpty() || !amount)
        return {};
    const QString number = QLocale().toString(*amount, 'f', QLocale::FloatingPointShortest);
    //: The button on "Milk is already on the list": "Add 1 more", "Add 2 l more".
    return tr("Add %1 more")
        .arg(m_duplicateEntry.unit.isEmpty() ? number
                                             : number + QLatin1Char(' ') + m_duplicateEntry.unit);
}

void ListEditor::addMore()
{
    const auto amount = moreAmount();
    if (m_duplicateId.isEmpty() || !amount)
        return;
    const auto item = currentItem(m_duplicateId);
    const QJsonValue quantity = item->value(QStringLiteral("quantity"));
    const double before = quantity.isDouble() ? quantity.toDouble() : 1;
    const double after = std::min(before + *amount, QuickEntry::kMaxQuantity);
    Op op;
    op.type = Op::Type::ItemSet;
    op.listId = m_listId;
    op.itemId = m_duplicateId;
    op.fields = {{QStringLiteral("quantity"), after}};
    Op inverse = op;
    inverse.fields = {{QStringLiteral("quantity"), quantity}};
    const QString title = item->value(QStringLiteral("title")).toString();
    const QString unit = item->value(QStringLiteral("unit")).toString();
    const QString number = QLocale().toString(after, 'f', QLocale::FloatingPointShortest);
    dismissDuplicate();
    //: Undo bar after "Add 1 more": the item and its new quantity, e.g. "Milk: 3", "Milk: 3 l".
    applyUndoable(
        op, inverse,
        tr("%1: %2").arg(title, unit.isEmpty() ? number : number + QLatin1Char(' ') + unit));
}

void ListEditor::addAnyway()
{
    const QuickEntry entry = m_duplicateEntry;
    dismissDuplicate();
    if (entry.title.isEmpty() || m_listId.isEmpty())
        return;
    appendItem(entry);
}

void ListEditor::dismissDuplicate()
{
    m_duplicateId.clear();
    m_duplicateEntry = {};
    m_duplicateText.clear();
    Q_EMIT duplicateChanged();
}

void ListEditor::setDone(const QString &itemId, bool done)
{
    const auto current = currentItem(itemId);
    if (done && current && account()) {
        // A repeating task: this occurrence is done and the task moves on to its next.
        const QString by = m_session.isKiosk() && !m_session.kiosk()->actingFor().isEmpty()
            ? m_session.kiosk()->actingFor()
            : account()->userId();
        if (std::optional<Op> completion =
                completionOp(*current, by, QDate::currentDate(), Hlc {})) {
            Op inverse = *completion;
            inverse.round = 0; // the current round, whichever that is by then
            inverse.fields = {};
            // The date and the person back; "completed" stays (it records a completion,
            // and the activity tells completions by it).
            for (auto it = completion->fields.begin(); it != completion->fields.end(); ++it) {
                if (it.key() == QLatin1String("completed"))
                    continue;
                const QJsonValue old = current->value(it.key());
                inverse.fields.insert(it.key(),
                                      old.isUndefined() ? QJsonValue(QJsonValue::Null) : old);
            }
            const QString title = current->value(QStringLiteral("title")).toString();
            const QDate next = dueDate(completion->fields.value(QStringLiteral("due")));
            //: Undo bar after completing a repeating task: "Take out bins done, next Sat 12 Dec".
            applyUndoable(
                *completion, inverse,
                tr("%1 done, next %2").arg(title, QLocale().toString(next, QLocale::ShortFormat)));
            return;
        }
    }
    Op op;
    op.type = Op::Type::ItemSet;
    op.listId = current ? current->listId : m_listId; // also from Today, across the lists
    op.itemId = itemId;
    op.fields = {{QStringLiteral("done"), done}};
    Op inverse = op;
    inverse.fields = {{QStringLiteral("done"), !done}};
    const QString title = current ? current->value(QStringLiteral("title")).toString() : QString();
    if (done)
        m_items.linger(itemId);
    applyUndoable(op, inverse,
                  done ? tr("%1 checked off").arg(title) : tr("%1 back on the list").arg(title));
}

void ListEditor::renameItem(const QString &itemId, const QString &title)
{
    if (title.trimmed().isEmpty())
        return;
    const auto item = currentItem(itemId);
    const QString old = item ? item->value(QStringLiteral("title")).toString() : QString();
    if (old == title.trimmed())
        return;
    Op op;
    op.type = Op::Type::ItemSet;
    op.listId = m_listId;
    op.itemId = itemId;
    op.fields = {{QStringLiteral("title"), title.trimmed()}};
    Op inverse = op;
    inverse.fields = {{QStringLiteral("title"), old}};
    applyUndoable(op, inverse, tr("%1 renamed").arg(old));
}

void ListEditor::updateItem(const QString &itemId, const QVariantMap &fields)
{
    const auto item = currentItem(itemId);
    if (!item)
        return;
    static const QStringList editable {
        QStringLiteral("title"),    QStringLiteral("quantity"), QStringLiteral("unit"),
        QStringLiteral("category"), QStringLiteral("note"),     QStringLiteral("assignee"),
        QStringLiteral("due"),      QStringLiteral("repeat"),   QStringLiteral("reminder")};
    Op op;
    op.type = Op::Type::ItemSet;
    op.listId = m_listId;
    op.itemId = itemId;
    Op inverse = op;
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        if (!editable.contains(it.key()))
            continue;
        QJsonValue value = QJsonValue::fromVariant(it.value());
        // Empty means "none" for the optional fields.
        if (value.isString() && value.toString().trimmed().isEmpty() &&
            it.key() != QLatin1String("title"))
            value = (it.key() == QLatin1String("quantity") || it.key() == QLatin1String("due") ||
                     it.key() == QLatin1String("assignee") || it.key() == QLatin1String("repeat") ||
                     it.key() == QLatin1String("reminder"))
                ? QJsonValue(QJsonValue::Null)
                : QJsonValue(QString());
        if (it.key() == QLatin1String("quantity") && value.isString()) {
            // "1,5" in German, "1.5" anywhere; something else is not a quantity.
            const QString text = value.toString().trimmed();
            bool ok = false;
            double number = QLocale().toDouble(text, &ok);
            if (!ok)
                number = QLocale::c().toDouble(text, &ok);
            if (!ok)
                continue;
            value = number;
        }
        if (it.key() == QLatin1String("title") && value.toString().trimmed().isEmpty())
            continue;
        const QJsonValue old = item->value(it.key());
        if (old == value || (old.isUndefined() && (value.isNull() || value == QString())))
            continue;
        op.fields.insert(it.key(), value);
        inverse.fields.insert(it.key(), old.isUndefined() ? QJsonValue(QJsonValue::Null) : old);
    }
    if (op.fields.isEmpty())
        return;
    applyUndoable(op, inverse,
                  tr("%1 changed").arg(item->value(QStringLiteral("title")).toString()));
}

void ListEditor::moveItem(const QString &itemId, int toRow)
{
    const int from = m_items.rowOf(itemId);
    if (from < 0 || toRow < 0 || toRow >= m_items.rowCount() || toRow == from)
        return;
    // Its neighbours once it sits at `toRow`: the rows around that place with the item
    // taken out of its old one. Grouped by category, it joins the group of the row whose
    // place it takes (dropped under a group's header: the group's first row).
    const QString category = rowCategory(toRow);
    relocate(itemId, category, toRow > from ? toRow : toRow - 1, toRow > from ? toRow + 1 : toRow);
}

void ListEditor::moveItemAbove(const QString &itemId, int row)
{
    const int from = m_items.rowOf(itemId);
    if (from < 0 || row < 0 || row >= m_items.rowCount() || row == from ||
        (row - 1 == from && rowCategory(from) == rowCategory(row)))
        return;
    relocate(itemId, rowCategory(row), row - 1 == from ? row - 2 : row - 1, row);
}

void ListEditor::moveItemBy(const QString &itemId, int rows)
{
    const int from = m_items.rowOf(itemId);
    const int to = from + rows;
    if (from < 0 || to < 0 || to >= m_items.rowCount() || rows == 0)
        return;
    if (!m_items.groupByCategory() || rowCategory(to) == rowCategory(from) ||
        (rows != 1 && rows != -1)) {
        moveItem(itemId, to);
        return;
    }
    // One step over a group's header: to the near end of the next group.
    if (rows > 0)
        relocate(itemId, rowCategory(to), -1, to);
    else
        relocate(itemId, rowCategory(to), to, -1);
}

QString ListEditor::rowCategory(int row) const
{
    return row >= 0 && row < m_items.rowCount()
        ? m_items.index(row).data(ItemsModel::CategoryRole).toString()
        : QString();
}

void ListEditor::relocate(const QString &itemId, const QString &category, int before, int after)
{
    // Grouped, only rows of its new group are its neighbours: positions of different
    // groups do not compare.
    const bool grouped = m_items.groupByCategory();
    const auto neighbour = [&](int row) {
        return !grouped || rowCategory(row) == category ? row : -1;
    };
    const auto item = currentItem(itemId);
    if (!item)
        return;
    const QString title = item->value(QStringLiteral("title")).toString();
    const QString oldCategory = item->value(QStringLiteral("category")).toString();
    // Two neighbours on one key (made at the same place on two devices at once): no key
    // lies between them, so the list's items get fresh keys first.
    const auto positionAt = [&](int row) {
        return row >= 0 && row < m_items.rowCount()
            ? m_items.index(row).data(ItemsModel::PositionRole).toString()
            : QString();
    };
    const QString tie = positionAt(neighbour(before));
    const bool tied = !tie.isEmpty() && tie == positionAt(neighbour(after));
    const QString position = placeItem(
        [&] { return m_items.positionBetween(neighbour(before), neighbour(after)); }, tied);
    // Read after placing: a rebalance may have given the item a new key to go back to.
    const auto placed = currentItem(itemId);
    Op op;
    op.listId = m_listId;
    op.itemId = itemId;
    Op inverse = op;
    inverse.fields = {{QStringLiteral("position"),
                       placed ? placed->value(QStringLiteral("position")) : QJsonValue()}};
    op.fields = {{QStringLiteral("position"), position}};
    if (grouped && category != oldCategory) {
        // Into another group: one change of both, so that one undo takes both back.
        op.type = Op::Type::ItemSet;
        op.fields.insert(QStringLiteral("category"), category);
        inverse.type = Op::Type::ItemSet;
        inverse.fields.insert(QStringLiteral("category"), oldCategory);
        applyUndoable(op, inverse,
                      category.isEmpty() ? tr("%1 moved to Other").arg(title)
                                         : tr("%1 moved to %2").arg(title, category));
        return;
    }
    op.type = Op::Type::ItemMove;
    inverse.type = Op::Type::ItemMove;
    applyUndoable(op, inverse, tr("%1 moved").arg(title));
}

QString ListEditor::placeItem(const std::function<QString()> &position, bool rebalance)
{
    const QString key = position();
    if (!rebalance && !FracIndex::needsRebalance(key))
        return key;
    // Items kept landing in the same gap and the keys grew long (or two share one): every
    // item of the list gets a short key of its own again, in the same order, as ordinary
    // moves that sync like any other; then there is room for this one.
    QList<QPair<QString, QString>> items; // (position, id)
    account()->store()->forEachViewEntity(m_listId, [&](const Entity &e, bool) {
        if (e.kind == EntityKind::Item && !e.isDeleted())
            items.append({e.value(QStringLiteral("position")).toString(), e.id});
    });
    std::sort(items.begin(), items.end());
    const QStringList keys = FracIndex::spread(int(items.size()));
    qCInfo(lcSync) << "giving the" << items.size() << "items of list" << m_listId
                   << "fresh positions";
    // Undoing an earlier move would put back a key of the old layout: those undos go.
    m_undo.removeIf([this](const Undo &u) {
        return std::any_of(u.inverse.cbegin(), u.inverse.cend(), [this](const Op &op) {
            return op.fields.contains(QStringLiteral("position")) && op.listId == m_listId &&
                op.entityKind() == EntityKind::Item;
        });
    });
    Q_EMIT undoChanged();
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (items.at(i).first == keys.at(i))
            continue;
        Op move;
        move.type = Op::Type::ItemMove;
        move.listId = m_listId;
        move.itemId = items.at(i).second;
        move.fields = {{QStringLiteral("position"), keys.at(i)}};
        if (!m_session.apply(std::move(move)))
            return key;
    }
    return position();
}

void ListEditor::removeItem(const QString &itemId)
{
    Op op;
    op.type = Op::Type::ItemDelete;
    op.listId = m_listId;
    op.itemId = itemId;
    // Undoing a delete writes the tombstone back with a newer stamp.
    Op inverse;
    inverse.type = Op::Type::ItemSet;
    inverse.listId = m_listId;
    inverse.itemId = itemId;
    inverse.fields = {{QStringLiteral("deleted"), false}};
    const auto item = currentItem(itemId);
    applyUndoable(
        op, inverse,
        tr("%1 deleted").arg(item ? item->value(QStringLiteral("title")).toString() : QString()));
}

bool ListEditor::muted() const
{
    return mutedLists(m_session.config()).contains(m_listId);
}

void ListEditor::setMuted(bool muted)
{
    QSet<QString> lists = mutedLists(m_session.config());
    if (m_listId.isEmpty() || lists.contains(m_listId) == muted)
        return;
    if (muted)
        lists.insert(m_listId);
    else
        lists.remove(m_listId);
    m_session.config().setValue(QStringLiteral("mutedLists"),
                                QStringList(lists.cbegin(), lists.cend()));
    m_session.toasts()->setMuted(lists);
    Q_EMIT mutedChanged();
}

void ListEditor::keepMine(const QString &itemId)
{
    if (!account())
        return;
    for (const client::LocalStore::Conflict &c : account()->store()->conflicts(m_listId)) {
        if (c.entityId != itemId)
            continue;
        Error e;
        if (!account()->sync()->keepMine(c, &e))
            m_session.fail(tr("Could not keep your change: %1").arg(e.message));
    }
}

void ListEditor::revertActivity(int row)
{
    const auto entry = m_activity.entry(row);
    if (!account() || !entry)
        return;
    const Op &done = entry->op;
    const bool isList = done.entityKind() == EntityKind::List;
    if (done.type == Op::Type::ListCreate ||
        (done.type == Op::Type::ListSet &&
         done.fields.value(QStringLiteral("deleted")) == QJsonValue(false))) {
        // Made, or brought back: deleted again (undoable, and asked nothing: the list is
        // one undo away).
        deleteList(done.listId);
        return;
    }
    Op op;
    op.listId = done.listId;
    op.itemId = done.itemId;
    const Op::Type set = isList ? Op::Type::ListSet : Op::Type::ItemSet;
    if (done.type == Op::Type::ItemCreate) {
        op.type = Op::Type::ItemDelete;
    } else if (done.type == Op::Type::ItemDelete || done.type == Op::Type::ListDelete) {
        op.type = set;
        op.fields = {{QStringLiteral("deleted"), false}};
    } else {
        // Each field back to its value before: the newest earlier write of it.
        op.type = done.type == Op::Type::ItemMove ? Op::Type::ItemMove : set;
        const QList<client::LocalStore::Activity> earlier =
            account()->store()->activity(done.listId, entry->seq, 1000);
        for (auto it = done.fields.begin(); it != done.fields.end(); ++it) {
            const bool flag = it.key() == QLatin1String("done") ||
                it.key() == QLatin1String("archived") || it.key() == QLatin1String("deleted");
            QJsonValue before = flag ? QJsonValue(false) : QJsonValue(QJsonValue::Null);
            for (const client::LocalStore::Activity &a : earlier) {
                if (a.op.entityId() == done.entityId() && a.op.fields.contains(it.key())) {
                    before = a.op.fields.value(it.key());
                    break;
                }
            }
            // A title or name is never empty, and a position always there.
            if ((it.key() == QLatin1String("title") || it.key() == QLatin1String("name") ||
                 it.key() == QLatin1String("position")) &&
                !before.isString())
                continue;
            // A completion taken back: its date and person return, and no record of
            // another completion is written.
            if (it.key() == QLatin1String("completed"))
                continue;
            op.fields.insert(it.key(), before);
        }
        if (op.fields.isEmpty())
            return;
    }
    m_session.apply(op);
}

void ListEditor::undo()
{
    if (m_undo.isEmpty())
        return;
    const Undo last = m_undo.takeLast();
    for (const Op &op : last.inverse) {
        if (!m_session.apply(op))
            break;
    }
    Q_EMIT undoChanged();
    if (!last.reopen.isEmpty())
        openList(last.reopen);
}

void ListEditor::openList(const QString &listId)
{
    if (!account() || listId.isEmpty())
        return;
    const auto list = account()->store()->viewEntity(listId);
    if (!list || list->isDeleted())
        return;
    if (list->householdId != households()->currentId())
        households()->setCurrentId(list->householdId);
    setListId(listId);
}

} // namespace kinlist::ui
