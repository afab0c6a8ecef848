#pragma once

#include "client/syncclient.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace kinlist::ui {

// The lists of one household for the side bar, in their order, with how many items are
// open and done: those in use, or (`archived`) those put away. Counts are recounted for the
// lists that changed, a burst of ops at once.
class ListsModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The session owns the lists model")
    // Whether rows also carry their first open items (the kiosk's tiles show them); each
    // change to a list then reads it again, the open one too.
    Q_PROPERTY(bool withFirstItems READ withFirstItems WRITE setWithFirstItems NOTIFY
                   withFirstItemsChanged)
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,
        KindRole,
        OpenCountRole,
        DoneCountRole,
        ColorRole,
        FirstItemsRole // the first few open titles, in the list's order (withFirstItems)
    };
    Q_ENUM(Role)

    explicit ListsModel(bool archived = false, QObject *parent = nullptr);

    void setSource(client::SyncClient *client, const QString &householdId);
    bool withFirstItems() const { return m_withFirstItems; }
    void setWithFirstItems(bool with);
    static constexpr int kFirstItems = 4;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Counts for a list known from elsewhere (the open list's items model), so this
    // model need not decode the list itself.
    void setCounts(const QString &listId, int open, int done);

    Q_INVOKABLE QString idAt(int row) const;
    Q_INVOKABLE int rowOf(const QString &listId) const;
    QString positionAtEnd() const;
    // The position key of a row's list ("" past the ends).
    QString positionAt(int row) const;

Q_SIGNALS:
    void withFirstItemsChanged();

private:
    struct Row
    {
        QString id;
        QString name;
        QString kind;
        QString position;
        QString color;
        int open = 0;
        int done = 0;
        QStringList first;
    };
    void reload();
    void recount();
    Row makeRow(const Entity &list) const;
    void count(Row &row) const;

    const bool m_archived;
    QPointer<client::SyncClient> m_client;
    QString m_householdId;
    QList<Row> m_rows;
    QSet<QString> m_dirty; // lists whose counts are to be recounted
    QHash<QString, std::pair<int, int>> m_known; // counts given by setCounts
    QTimer m_recount;
    bool m_withFirstItems = false;
};

} // namespace kinlist::ui
