#pragma once

#include "client/syncclient.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace kinlist::ui {

// The activity feed of one list: who did what, when, newest first, from the device's own
// cache (readable offline). New ops appear at the top as they arrive; scrolling down reads
// older entries from the cache and, past its end, from the server's history.
class ActivityModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The session owns the activity model")
public:
    enum Role { TextRole = Qt::UserRole + 1, WhoRole, TimeRole, DayRole, SeqRole };
    Q_ENUM(Role)

    static constexpr int kPage = 50;

    explicit ActivityModel(QObject *parent = nullptr);

    void setSource(client::SyncClient *client, const QString &listId);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // The entry at `row` (for reverting it), if there is one.
    std::optional<client::LocalStore::Activity> entry(int row) const;

    // "Dad checked off Milk": one entry as a sentence (its title as the item has it now).
    QString describe(const client::LocalStore::Activity &a) const;

private:
    void reload();
    void prependNew();

    QPointer<client::SyncClient> m_client;
    QTimer m_newEntries; // new ops are read in bursts, not one page per op
    QString m_listId;
    QList<client::LocalStore::Activity> m_rows;
    bool m_cacheExhausted = false;
    bool m_serverExhausted = false;
    bool m_fetching = false;
    qint64 m_nextBefore = 0; // the server history's cursor
};

} // namespace kinlist::ui
