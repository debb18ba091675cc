#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;

namespace vox::ui {

// A numbered list of a wizard's steps beside it: done ones ticked, the current one in bold, so
// a person sees where they are and how much is left.
class StepList final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StepList)

public:
    StepList(const QStringList &steps, QWidget *parent = nullptr);

    void setCurrent(int index);
    int current() const { return m_current; }

private:
    QList<QLabel *> m_labels;
    QStringList m_steps;
    int m_current = 0;
};

} // namespace vox::ui
