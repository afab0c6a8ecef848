#pragma once

#include "client/syncclient.h"

#include <QAbstractListModel>
#include <QDate>
#include <QPointer>
#include <QTimer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace kinlist::ui {

// "Today" across every list of one household: the open items with a due date that is past,
// today, or within the next `days` days, grouped by person (the user first, then the others
// by name, then those nobody took), each group by date. `mine` keeps the user's own. Rows
// are made anew a moment after a burst of changes, and at midnight.
class TodayModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The session owns the today model")
    Q_PROPERTY(bool mine READ mine WRITE setMine NOTIFY mineChanged)
    // How many days after today count (7 for the Today view, 0 for the kiosk's chart).
    Q_PROPERTY(int days READ days WRITE setDays NOTIFY daysChanged)
    // Rows shown, and the household's tasks past or due today (the side bar's badge,
    // whether or not only the user's are shown).
    Q_PROPERTY(int count READ count NOTIFY countsChanged)
    Q_PROPERTY(int dueNow READ dueNow NOTIFY countsChanged)
    // The groups in order: {userId ("" for nobody), name}.
    Q_PROPERTY(QVariantList people READ people NOTIFY countsChanged)
    // Whether it follows the changes at all (off: no rows, no work while nothing shows it).
    Q_PROPERTY(bool active READ active WRITE setActive NOTIFY activeChanged)
public:
    enum Role {
        ItemIdRole = Qt::UserRole + 1,
        ListIdRole,
        ListNameRole,
        TitleRole,
        PersonRole, // the assignee's user id, "" for nobody
        PersonNameRole, // their name, or "Anyone"
        WhenRole, // "overdue", "today" or "soon"
        WhenTextRole, // "Overdue since 01/12/2026", "Today, 18:00", "Thursday"
        RepeatTextRole,
        GroupRole // for the view's sections: the user id and the name, split by U+001F
    };
    Q_ENUM(Role)

    explicit TodayModel(int days = 7, QObject *parent = nullptr);

    void setSource(client::SyncClient *client, const QString &householdId);

    bool mine() const { return m_mine; }
    void setMine(bool mine);
    bool active() const { return m_active; }
    void setActive(bool active);
    int days() const { return m_days; }
    void setDays(int days);
    int count() const { return int(m_rows.size()); }
    int dueNow() const { return m_dueNow; }
    QVariantList people() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The words again, in the language just chosen.
    void retranslate();

Q_SIGNALS:
    void mineChanged();
    void activeChanged();
    void daysChanged();
    void countsChanged();

private:
    struct Row
    {
        QString itemId;
        QString listId;
        QString listName;
        QString title;
        QString person;
        QString personName;
        QDate due;
        QTime time; // invalid: no time of day
        QJsonValue repeat;
    };
    void scheduleReload();
    void reload();
    QString whenText(const Row &r) const;

    QPointer<client::SyncClient> m_client;
    QString m_householdId;
    QList<Row> m_rows;
    QDate m_today;
    int m_dueNow = 0;
    bool m_mine = false;
    bool m_active = true;
    int m_days = 7;
    QTimer m_reload; // a burst of ops: one reload after it
    QTimer m_midnight;
};

} // namespace kinlist::ui
