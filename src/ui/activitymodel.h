#pragma once

#include "client/syncclient.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace kinlist::ui {

// The activity feed of one list, or of the whole household: who did what, when, newest
// first, from the device's own cache (readable offline). New ops appear at the top as
// they arrive; scrolling down reads older entries from the cache and, past its end, from
// the server's history.
class ActivityModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The session owns the activity model")
    // Every list of the household instead of the open one.
    Q_PROPERTY(bool wholeHousehold READ wholeHousehold WRITE setWholeHousehold NOTIFY
                   wholeHouseholdChanged)
public:
    enum Role {
        TextRole = Qt::UserRole + 1, // "Dad checked off Milk" ("… in Groceries" household-wide)
        WhoRole, // the person's name
        TimeRole, // hours and minutes, as the locale writes them
        DayRole, // "Today", "Yesterday" or the date: the view's sections
        SeqRole, // the op's place in its list's log
        ListNameRole, // the list it happened on
    };
    Q_ENUM(Role)

    static constexpr int kPage = 50;

    explicit ActivityModel(QObject *parent = nullptr);

    void setSource(client::SyncClient *client, const QString &listId, const QString &householdId);
    bool wholeHousehold() const { return m_whole; }
    void setWholeHousehold(bool whole);

    int rowCount(const QModelIndex &parent = {}) const override;
    // The language changed: every row says its text again.
    void retranslate();
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // The entry at `row` (for reverting it), if there is one.
    std::optional<client::LocalStore::Activity> entry(int row) const;

    // "Dad checked off Milk": one entry as a sentence (its title as the item has it now).
    QString describe(const client::LocalStore::Activity &a) const;

Q_SIGNALS:
    void wholeHouseholdChanged();

private:
    void reload();
    void prependNew();
    // A page of the cache, older than `after` (the last entry read; null: the newest).
    QList<client::LocalStore::Activity> cachePage(const client::LocalStore::Activity *after) const;
    bool active() const { return m_client && !(m_whole ? m_householdId : m_listId).isEmpty(); }
    QString listName(const QString &listId) const;
    QString describeOp(const client::LocalStore::Activity &a) const;
    QString describeListSet(const QString &who, const Op &op) const;

    QPointer<client::SyncClient> m_client;
    QTimer m_newEntries; // new ops are read in bursts, not one page per op
    QString m_listId;
    QString m_householdId;
    bool m_whole = false;
    QHash<QString, QString> m_householdOfList; // list id -> its household, as seen
    QList<client::LocalStore::Activity> m_rows;
    bool m_cacheExhausted = false;
    bool m_serverExhausted = false;
    bool m_fetching = false;
    qint64 m_nextBefore = 0; // the server history's cursor
};

} // namespace kinlist::ui
