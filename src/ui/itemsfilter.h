#pragma once

#include <QSortFilterProxyModel>
#include <QtQml/qqmlregistration.h>

namespace kinlist::ui {

// The items a list page shows: done items fold away unless asked for. Row changes of the
// items model pass through as row changes.
class ItemsFilter : public QSortFilterProxyModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The session owns the items filter")
    Q_PROPERTY(bool showDone READ showDone WRITE setShowDone NOTIFY showDoneChanged)
public:
    explicit ItemsFilter(QObject *parent = nullptr);

    bool showDone() const { return m_showDone; }
    void setShowDone(bool show);

Q_SIGNALS:
    void showDoneChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool m_showDone = false;
};

} // namespace kinlist::ui
