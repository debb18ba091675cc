#pragma once

#include <QFrame>

class QLabel;

namespace vox::ui {

// A figure with its name ("Pipeline value  $12,400"), optionally clickable and checkable so a
// row of cards can act as a filter (the leads page's hot/warm/cold cards).
class StatCard final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatCard)

public:
    StatCard(const QString &title, QWidget *parent = nullptr);

    void setValue(const QString &value);
    void setCaption(const QString &caption);
    void setAccent(const QColor &color);
    void setCheckable(bool checkable);
    void setChecked(bool checked);
    bool isChecked() const { return m_checked; }
    QString value() const;
    QString caption() const;

signals:
    void clicked();

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void updateStyle();

    QLabel *m_title;
    QLabel *m_value;
    QLabel *m_caption;
    QString m_accent;
    bool m_checkable = false;
    bool m_checked = false;
};

} // namespace vox::ui
