<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Activity</name>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="133"/>
        <source>undid a change of %n task(s)</source>
        <translation>
            <numerusform>undid a change of %n task</numerusform>
            <numerusform>undid a change of %n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="134"/>
        <source>redid a change of %n task(s)</source>
        <translation>
            <numerusform>redid a change of %n task</numerusform>
            <numerusform>redid a change of %n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="177"/>
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n task</numerusform>
            <numerusform>%n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="179"/>
        <location filename="../../opsdesk/ui/activity/describe.py" line="183"/>
        <location filename="../../opsdesk/ui/activity/describe.py" line="262"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="190"/>
        <source>undid a change of {fields} to %n task(s)</source>
        <translation>
            <numerusform>undid a change of {fields} to %n task</numerusform>
            <numerusform>undid a change of {fields} to %n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="192"/>
        <source>undid a change to %n task(s)</source>
        <translation>
            <numerusform>undid a change to %n task</numerusform>
            <numerusform>undid a change to %n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="194"/>
        <source>added %n task(s)</source>
        <translation>
            <numerusform>added %n task</numerusform>
            <numerusform>added %n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="198"/>
        <source>%n new task(s)</source>
        <translation>
            <numerusform>%n new task</numerusform>
            <numerusform>%n new tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="200"/>
        <source>%n task(s) updated</source>
        <translation>
            <numerusform>%n task updated</numerusform>
            <numerusform>%n tasks updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="211"/>
        <source>unassigned %n task(s)</source>
        <translation>
            <numerusform>unassigned %n task</numerusform>
            <numerusform>unassigned %n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="212"/>
        <source>assigned %n task(s) to {name}</source>
        <translation>
            <numerusform>assigned %n task to {name}</numerusform>
            <numerusform>assigned %n tasks to {name}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="215"/>
        <source>set %n task(s) to {status}</source>
        <translation>
            <numerusform>set %n task to {status}</numerusform>
            <numerusform>set %n tasks to {status}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="218"/>
        <source>set the {field} of %n task(s) to {value}</source>
        <translation>
            <numerusform>set the {field} of %n task to {value}</numerusform>
            <numerusform>set the {field} of %n tasks to {value}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="220"/>
        <source>edited %n task(s): {fields}</source>
        <translation>
            <numerusform>edited %n task: {fields}</numerusform>
            <numerusform>edited %n tasks: {fields}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="245"/>
        <source>%n subtask(s)</source>
        <translation>
            <numerusform>%n subtask</numerusform>
            <numerusform>%n subtasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="247"/>
        <source>%n comment(s)</source>
        <translation>
            <numerusform>%n comment</numerusform>
            <numerusform>%n comments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="249"/>
        <source>%n link(s)</source>
        <translation>
            <numerusform>%n link</numerusform>
            <numerusform>%n links</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="281"/>
        <source>%n KPI(s)</source>
        <translation>
            <numerusform>%n KPI</numerusform>
            <numerusform>%n KPIs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="283"/>
        <source>imported %n value(s) of {kpi}</source>
        <translation>
            <numerusform>imported %n value of {kpi}</numerusform>
            <numerusform>imported %n values of {kpi}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="285"/>
        <source>entered %n value(s) of {kpi}</source>
        <translation>
            <numerusform>entered %n value of {kpi}</numerusform>
            <numerusform>entered %n values of {kpi}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ActivityView</name>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/view.py" line="188"/>
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EntryGrid</name>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/kpis/entry.py" line="169"/>
        <source>Enter %n KPI value(s)</source>
        <translation>
            <numerusform>Enter %n KPI value</numerusform>
            <numerusform>Enter %n KPI values</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="421"/>
        <source>%n row(s) written to {file}</source>
        <translation>
            <numerusform>%n row written to {file}</numerusform>
            <numerusform>%n rows written to {file}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="482"/>
        <source>Weekly report (%n page(s)) written to {file}</source>
        <translation>
            <numerusform>Weekly report (%n page) written to {file}</numerusform>
            <numerusform>Weekly report (%n pages) written to {file}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/kpis/import_dialog.py" line="156"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/kpis/import_dialog.py" line="228"/>
        <source>%n problem(s) found.</source>
        <translation>
            <numerusform>%n problem found.</numerusform>
            <numerusform>%n problems found.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPlanDialog</name>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="160"/>
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n task</numerusform>
            <numerusform>%n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="161"/>
        <source>%n milestone(s)</source>
        <translation>
            <numerusform>%n milestone</numerusform>
            <numerusform>%n milestones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="162"/>
        <source>%n link(s)</source>
        <translation>
            <numerusform>%n link</numerusform>
            <numerusform>%n links</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="169"/>
        <source>%n task(s) have no dates; they are imported unscheduled.</source>
        <translation>
            <numerusform>%n task has no dates; it is imported unscheduled.</numerusform>
            <numerusform>%n tasks have no dates; they are imported unscheduled.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="174"/>
        <source>… and %n more warning(s)</source>
        <translation>
            <numerusform>… and %n more warning</numerusform>
            <numerusform>… and %n more warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportTasksDialog</name>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="300"/>
        <source>%n row(s) read; check the columns, then Check.</source>
        <translation>
            <numerusform>%n row read; check the columns, then Check.</numerusform>
            <numerusform>%n rows read; check the columns, then Check.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="331"/>
        <source>  … and %n more changed task(s)</source>
        <translation>
            <numerusform>  … and %n more changed task</numerusform>
            <numerusform>  … and %n more changed tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="337"/>
        <source>%n new task(s)</source>
        <translation>
            <numerusform>%n new task</numerusform>
            <numerusform>%n new tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="353"/>
        <source>… and %n more problem(s)</source>
        <translation>
            <numerusform>… and %n more problem</numerusform>
            <numerusform>… and %n more problems</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MyWork</name>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/mywork/notice.py" line="11"/>
        <source>You have %n overdue task(s)</source>
        <translation>
            <numerusform>You have %n overdue task</numerusform>
            <numerusform>You have %n overdue tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/mywork/notice.py" line="12"/>
        <source> and %n due today.</source>
        <translation>
            <numerusform> and %n due today.</numerusform>
            <numerusform> and %n due today.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/mywork/notice.py" line="14"/>
        <source>You have %n overdue task(s).</source>
        <translation>
            <numerusform>You have %n overdue task.</numerusform>
            <numerusform>You have %n overdue tasks.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/mywork/notice.py" line="16"/>
        <source>You have %n task(s) due today.</source>
        <translation>
            <numerusform>You have %n task due today.</numerusform>
            <numerusform>You have %n tasks due today.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MyWorkView</name>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/mywork/view.py" line="147"/>
        <source>{name} · {roles} · {today} · %n open</source>
        <translation>
            <numerusform>{name} · {roles} · {today} · %n open</numerusform>
            <numerusform>{name} · {roles} · {today} · %n open</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/mywork/view.py" line="159"/>
        <source>%n day(s) late</source>
        <translation>
            <numerusform>%n day late</numerusform>
            <numerusform>%n days late</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/overview/view.py" line="155"/>
        <source>day %n since launch</source>
        <translation>
            <numerusform>day %n since launch</numerusform>
            <numerusform>day %n since launch</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/overview/view.py" line="157"/>
        <source>%n day(s) to launch</source>
        <translation>
            <numerusform>%n day to launch</numerusform>
            <numerusform>%n days to launch</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/overview/view.py" line="173"/>
        <source>open tasks (%n in progress)</source>
        <translation>
            <numerusform>open tasks (%n in progress)</numerusform>
            <numerusform>open tasks (%n in progress)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/overview/view.py" line="184"/>
        <location filename="../../opsdesk/ui/overview/view.py" line="215"/>
        <location filename="../../opsdesk/ui/overview/view.py" line="230"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/overview/view.py" line="205"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/overview/view.py" line="238"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PeopleView</name>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/people/view.py" line="279"/>
        <source>{name} still holds %n open task(s) of this plan.</source>
        <translation>
            <numerusform>{name} still holds %n open task of this plan.</numerusform>
            <numerusform>{name} still holds %n open tasks of this plan.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaskExportDialog</name>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/export_options.py" line="53"/>
        <source>All tasks of the plan (%n)</source>
        <translation>
            <numerusform>All tasks of the plan (%n)</numerusform>
            <numerusform>All tasks of the plan (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/export_options.py" line="54"/>
        <source>The tasks the Tasks view shows (%n)</source>
        <translation>
            <numerusform>The task the Tasks view shows (%n)</numerusform>
            <numerusform>The tasks the Tasks view shows (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/export_options.py" line="56"/>
        <source>The selected tasks (%n)</source>
        <translation>
            <numerusform>The selected task (%n)</numerusform>
            <numerusform>The selected tasks (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaskPrompts</name>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/tasks/prompts.py" line="42"/>
        <source>Move %n task(s) by how many days? (negative: earlier)</source>
        <translation>
            <numerusform>Move %n task by how many days? (negative: earlier)</numerusform>
            <numerusform>Move %n tasks by how many days? (negative: earlier)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaskTreeModel</name>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/tasks/model.py" line="525"/>
        <source>Overdue by %n day(s)</source>
        <translation>
            <numerusform>Overdue by %n day</numerusform>
            <numerusform>Overdue by %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TasksView</name>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/tasks/view.py" line="309"/>
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n task</numerusform>
            <numerusform>%n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/tasks/editing.py" line="136"/>
        <source>Assign %n task(s) to {name}</source>
        <translation>
            <numerusform>Assign %n task to {name}</numerusform>
            <numerusform>Assign %n tasks to {name}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/tasks/editing.py" line="149"/>
        <source>Set %n task(s) to {status}</source>
        <translation>
            <numerusform>Set %n task to {status}</numerusform>
            <numerusform>Set %n tasks to {status}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/tasks/editing.py" line="163"/>
        <source>Move %n task(s) by {days} days</source>
        <translation>
            <numerusform>Move %n task by {days} days</numerusform>
            <numerusform>Move %n tasks by {days} days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/tasks/editing.py" line="185"/>
        <source>Duplicate %n task(s)</source>
        <translation>
            <numerusform>Duplicate %n task</numerusform>
            <numerusform>Duplicate %n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/tasks/editing.py" line="202"/>
        <source>Delete %n task(s)?</source>
        <translation>
            <numerusform>Delete %n task?</numerusform>
            <numerusform>Delete %n tasks?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/tasks/editing.py" line="205"/>
        <source>%n subtask(s)</source>
        <translation>
            <numerusform>%n subtask</numerusform>
            <numerusform>%n subtasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/tasks/editing.py" line="207"/>
        <source>%n comment(s)</source>
        <translation>
            <numerusform>%n comment</numerusform>
            <numerusform>%n comments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/tasks/editing.py" line="209"/>
        <source>%n link(s) to other tasks</source>
        <translation>
            <numerusform>%n link to other tasks</numerusform>
            <numerusform>%n links to other tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/tasks/editing.py" line="218"/>
        <source>Delete %n task(s)</source>
        <translation>
            <numerusform>Delete %n task</numerusform>
            <numerusform>Delete %n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/tasks/editing.py" line="345"/>
        <source>some of the %n selected tasks</source>
        <translation>
            <numerusform>some of the %n selected tasks</numerusform>
            <numerusform>some of the %n selected tasks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamView</name>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/team/view.py" line="358"/>
        <source>Reassign %n task(s) to {name}</source>
        <translation>
            <numerusform>Reassign %n task to {name}</numerusform>
            <numerusform>Reassign %n tasks to {name}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/timeline/canvas.py" line="303"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/timeline/canvas.py" line="311"/>
        <source>overdue by %n day(s)</source>
        <translation>
            <numerusform>overdue by %n day</numerusform>
            <numerusform>overdue by %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/timeline/edits.py" line="61"/>
        <source>“{title}” has %n task(s) that follow it. Move them by the same number of days?</source>
        <translation>
            <numerusform>“{title}” has %n task that follows it. Move it by the same number of days?</numerusform>
            <numerusform>“{title}” has %n tasks that follow it. Move them by the same number of days?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/timeline/edits.py" line="103"/>
        <source>Move “{title}” %n day(s) later</source>
        <translation>
            <numerusform>Move “{title}” %n day later</numerusform>
            <numerusform>Move “{title}” %n days later</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/timeline/edits.py" line="104"/>
        <source>Move “{title}” %n day(s) earlier</source>
        <translation>
            <numerusform>Move “{title}” %n day earlier</numerusform>
            <numerusform>Move “{title}” %n days earlier</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/timeline/edits.py" line="139"/>
        <source>Move launch day %n day(s) later</source>
        <translation>
            <numerusform>Move launch day %n day later</numerusform>
            <numerusform>Move launch day %n days later</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/timeline/edits.py" line="140"/>
        <source>Move launch day %n day(s) earlier</source>
        <translation>
            <numerusform>Move launch day %n day earlier</numerusform>
            <numerusform>Move launch day %n days earlier</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move “{title}” by %n day(s)</source>
        <translation type="vanished">
            <numerusform>Move “{title}” by %n day</numerusform>
            <numerusform>Move “{title}” by %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move launch day by %n day(s)</source>
        <translation type="vanished">
            <numerusform>Move launch day by %n day</numerusform>
            <numerusform>Move launch day by %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/timeline/view.py" line="297"/>
        <source>Timeline (%n page(s)) written to {file}</source>
        <translation>
            <numerusform>Timeline (%n page) written to {file}</numerusform>
            <numerusform>Timeline (%n pages) written to {file}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WeeklyReport</name>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/report/weekly.py" line="136"/>
        <source>in %n day(s)</source>
        <translation>
            <numerusform>in %n day</numerusform>
            <numerusform>in %n days</numerusform>
        </translation>
    </message>
</context>
</TS>
