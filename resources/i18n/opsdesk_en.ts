<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Activity</name>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="139"/>
        <source>undid a change of %n task(s)</source>
        <translation>
            <numerusform>undid a change of %n task</numerusform>
            <numerusform>undid a change of %n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="140"/>
        <source>redid a change of %n task(s)</source>
        <translation>
            <numerusform>redid a change of %n task</numerusform>
            <numerusform>redid a change of %n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="182"/>
        <source>marked %n missed day(s) skipped</source>
        <translation>
            <numerusform>marked %n missed day skipped</numerusform>
            <numerusform>marked %n missed days skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="185"/>
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n task</numerusform>
            <numerusform>%n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="187"/>
        <location filename="../../opsdesk/ui/activity/describe.py" line="191"/>
        <location filename="../../opsdesk/ui/activity/describe.py" line="270"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="198"/>
        <source>undid a change of {fields} to %n task(s)</source>
        <translation>
            <numerusform>undid a change of {fields} to %n task</numerusform>
            <numerusform>undid a change of {fields} to %n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="200"/>
        <source>undid a change to %n task(s)</source>
        <translation>
            <numerusform>undid a change to %n task</numerusform>
            <numerusform>undid a change to %n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="202"/>
        <source>added %n task(s)</source>
        <translation>
            <numerusform>added %n task</numerusform>
            <numerusform>added %n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="206"/>
        <source>%n new task(s)</source>
        <translation>
            <numerusform>%n new task</numerusform>
            <numerusform>%n new tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="208"/>
        <source>%n task(s) updated</source>
        <translation>
            <numerusform>%n task updated</numerusform>
            <numerusform>%n tasks updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="219"/>
        <source>unassigned %n task(s)</source>
        <translation>
            <numerusform>unassigned %n task</numerusform>
            <numerusform>unassigned %n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="220"/>
        <source>assigned %n task(s) to {name}</source>
        <translation>
            <numerusform>assigned %n task to {name}</numerusform>
            <numerusform>assigned %n tasks to {name}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="223"/>
        <source>set %n task(s) to {status}</source>
        <translation>
            <numerusform>set %n task to {status}</numerusform>
            <numerusform>set %n tasks to {status}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="226"/>
        <source>set the {field} of %n task(s) to {value}</source>
        <translation>
            <numerusform>set the {field} of %n task to {value}</numerusform>
            <numerusform>set the {field} of %n tasks to {value}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="228"/>
        <source>edited %n task(s): {fields}</source>
        <translation>
            <numerusform>edited %n task: {fields}</numerusform>
            <numerusform>edited %n tasks: {fields}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="253"/>
        <source>%n subtask(s)</source>
        <translation>
            <numerusform>%n subtask</numerusform>
            <numerusform>%n subtasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="255"/>
        <source>%n comment(s)</source>
        <translation>
            <numerusform>%n comment</numerusform>
            <numerusform>%n comments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="257"/>
        <source>%n link(s)</source>
        <translation>
            <numerusform>%n link</numerusform>
            <numerusform>%n links</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="289"/>
        <source>%n KPI(s)</source>
        <translation>
            <numerusform>%n KPI</numerusform>
            <numerusform>%n KPIs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="291"/>
        <source>imported %n value(s) of {kpi}</source>
        <translation>
            <numerusform>imported %n value of {kpi}</numerusform>
            <numerusform>imported %n values of {kpi}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/activity/describe.py" line="293"/>
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
    <name>CopyPlan</name>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/plan_copy.py" line="108"/>
        <source>… and %n more.</source>
        <translation>
            <numerusform>… and %n more.</numerusform>
            <numerusform>… and %n more.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EntryGrid</name>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/kpis/entry.py" line="187"/>
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
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="471"/>
        <source>%n row(s) written to {file}</source>
        <translation>
            <numerusform>%n row written to {file}</numerusform>
            <numerusform>%n rows written to {file}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="532"/>
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
        <location filename="../../opsdesk/ui/kpis/import_dialog.py" line="201"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/kpis/import_dialog.py" line="335"/>
        <source>%n problem(s) found.</source>
        <translation>
            <numerusform>%n problem found.</numerusform>
            <numerusform>%n problems found.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/kpis/import_dialog.py" line="388"/>
        <source>Imported from {file}: %n new value(s), {changed} changed.</source>
        <translation>
            <numerusform>Imported from {file}: %n new value, {changed} changed.</numerusform>
            <numerusform>Imported from {file}: %n new values, {changed} changed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/kpis/import_dialog.py" line="391"/>
        <source>Imported from {file}: %n new value(s).</source>
        <translation>
            <numerusform>Imported from {file}: %n new value.</numerusform>
            <numerusform>Imported from {file}: %n new values.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPlanDialog</name>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="106"/>
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n task</numerusform>
            <numerusform>%n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="107"/>
        <source>%n milestone(s)</source>
        <translation>
            <numerusform>%n milestone</numerusform>
            <numerusform>%n milestones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="108"/>
        <source>%n link(s)</source>
        <translation>
            <numerusform>%n link</numerusform>
            <numerusform>%n links</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="125"/>
        <source>%n task(s) have no dates; they are imported unscheduled.</source>
        <translation>
            <numerusform>%n task has no dates; it is imported unscheduled.</numerusform>
            <numerusform>%n tasks have no dates; they are imported unscheduled.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="130"/>
        <source>… and %n more link(s) left out</source>
        <translation>
            <numerusform>… and %n more link left out</numerusform>
            <numerusform>… and %n more links left out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="135"/>
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
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="337"/>
        <source>%n row(s) read; check the columns, then Check.</source>
        <translation>
            <numerusform>%n row read; check the columns, then Check.</numerusform>
            <numerusform>%n rows read; check the columns, then Check.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="371"/>
        <source>  … and %n more changed task(s)</source>
        <translation>
            <numerusform>  … and %n more changed task</numerusform>
            <numerusform>  … and %n more changed tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="377"/>
        <source>%n new task(s)</source>
        <translation>
            <numerusform>%n new task</numerusform>
            <numerusform>%n new tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="384"/>
        <source>%n row(s) match tasks of the plan by title and due date: they update those tasks.</source>
        <translation>
            <numerusform>%n row matches a task of the plan by title and due date: it updates that task.</numerusform>
            <numerusform>%n rows match tasks of the plan by title and due date: they update those tasks.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="386"/>
        <source>%n row(s) match tasks of the plan by title and due date and would be added twice.</source>
        <translation>
            <numerusform>%n row matches a task of the plan by title and due date and would be added twice.</numerusform>
            <numerusform>%n rows match tasks of the plan by title and due date and would be added twice.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/interchange.py" line="401"/>
        <source>… and %n more problem(s)</source>
        <translation>
            <numerusform>… and %n more problem</numerusform>
            <numerusform>… and %n more problems</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KpisView</name>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/kpis/view.py" line="312"/>
        <source>&lt;b&gt;No values yet this month&lt;/b&gt;&lt;br&gt;%n KPI(s) with a target; {month} is on each card</source>
        <translation>
            <numerusform>&lt;b&gt;No values yet this month&lt;/b&gt;&lt;br&gt;%n KPI with a target; {month} is on its card</numerusform>
            <numerusform>&lt;b&gt;No values yet this month&lt;/b&gt;&lt;br&gt;%n KPIs with a target; {month} is on each card</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LaunchMove</name>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/launch_move.py" line="46"/>
        <source>• %n finished task(s) keep their dates</source>
        <translation>
            <numerusform>• %n finished task keeps its dates</numerusform>
            <numerusform>• %n finished tasks keep their dates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/launch_move.py" line="51"/>
        <source>… and %n more.</source>
        <translation>
            <numerusform>… and %n more.</numerusform>
            <numerusform>… and %n more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/launch_move.py" line="56"/>
        <source>%n unfinished task(s) that depend on launch day move with it.</source>
        <translation>
            <numerusform>%n unfinished task that depends on launch day moves with it.</numerusform>
            <numerusform>%n unfinished tasks that depend on launch day move with it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/launch_move.py" line="58"/>
        <source>%n task(s) stay where they are:</source>
        <translation>
            <numerusform>%n task stays where it is:</numerusform>
            <numerusform>%n tasks stay where they are:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/launch_move.py" line="61"/>
        <source>Monthly targets stay on their calendar months (%n); the other targets move ({moving}).</source>
        <translation>
            <numerusform>Monthly targets stay on their calendar months (%n); the other targets move ({moving}).</numerusform>
            <numerusform>Monthly targets stay on their calendar months (%n); the other targets move ({moving}).</numerusform>
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
        <location filename="../../opsdesk/ui/mywork/view.py" line="184"/>
        <source>{name} · {roles} · {today} · %n open</source>
        <translation>
            <numerusform>{name} · {roles} · {today} · %n open</numerusform>
            <numerusform>{name} · {roles} · {today} · %n open</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/mywork/view.py" line="198"/>
        <source>{dates} · missed %n day(s)</source>
        <translation>
            <numerusform>{dates} · missed %n day</numerusform>
            <numerusform>{dates} · missed %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/mywork/view.py" line="202"/>
        <source>{date} · %n day(s) late</source>
        <translation>
            <numerusform>{date} · %n day late</numerusform>
            <numerusform>{date} · %n days late</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/mywork/view.py" line="349"/>
        <source>Mark the %n missed day(s) skipped</source>
        <translation>
            <numerusform>Mark the %n missed day skipped</numerusform>
            <numerusform>Mark the %n missed days skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/mywork/view.py" line="364"/>
        <source>Skip %n missed day(s) of “{title}”</source>
        <translation>
            <numerusform>Skip %n missed day of “{title}”</numerusform>
            <numerusform>Skip %n missed days of “{title}”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) late</source>
        <translation type="vanished">
            <numerusform>%n day late</numerusform>
            <numerusform>%n days late</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/overview/view.py" line="170"/>
        <source>day %n since launch</source>
        <translation>
            <numerusform>day %n since launch</numerusform>
            <numerusform>day %n since launch</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/overview/view.py" line="172"/>
        <source>%n day(s) to launch</source>
        <translation>
            <numerusform>%n day to launch</numerusform>
            <numerusform>%n days to launch</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/overview/view.py" line="198"/>
        <source>open tasks (%n in progress)</source>
        <translation>
            <numerusform>open tasks (%n in progress)</numerusform>
            <numerusform>open tasks (%n in progress)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/overview/view.py" line="206"/>
        <source>tasks done (%n skipped)</source>
        <translation>
            <numerusform>tasks done (%n skipped)</numerusform>
            <numerusform>tasks done (%n skipped)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/overview/view.py" line="212"/>
        <location filename="../../opsdesk/ui/overview/view.py" line="243"/>
        <location filename="../../opsdesk/ui/overview/view.py" line="258"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/overview/view.py" line="233"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/overview/view.py" line="266"/>
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
        <location filename="../../opsdesk/ui/people/view.py" line="280"/>
        <source>{name} still holds %n open task(s) of this plan.</source>
        <translation>
            <numerusform>{name} still holds %n open task of this plan.</numerusform>
            <numerusform>{name} still holds %n open tasks of this plan.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhasesDialog</name>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/dialogs/phases.py" line="214"/>
        <source>This phase holds %n task(s): move them to another phase first.</source>
        <translation>
            <numerusform>This phase holds %n task: move it to another phase first.</numerusform>
            <numerusform>This phase holds %n tasks: move them to another phase first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintList</name>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/mywork/print_list.py" line="50"/>
        <source>{dates} · missed %n day(s)</source>
        <translation>
            <numerusform>{dates} · missed %n day</numerusform>
            <numerusform>{dates} · missed %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/mywork/print_list.py" line="56"/>
        <source>{date} · %n day(s) late</source>
        <translation>
            <numerusform>{date} · %n day late</numerusform>
            <numerusform>{date} · %n days late</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/mywork/print_list.py" line="76"/>
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n task</numerusform>
            <numerusform>%n tasks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SpendingDialog</name>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/kpis/spending.py" line="330"/>
        <source>{file}: %n problem(s) found; nothing is imported.</source>
        <translation>
            <numerusform>{file}: %n problem found; nothing is imported.</numerusform>
            <numerusform>{file}: %n problems found; nothing is imported.</numerusform>
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
        <location filename="../../opsdesk/ui/tasks/prompts.py" line="46"/>
        <source>Move %n task(s) by how many working days? (negative: earlier)</source>
        <translation>
            <numerusform>Move %n task by how many working days? (negative: earlier)</numerusform>
            <numerusform>Move %n tasks by how many working days? (negative: earlier)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/tasks/prompts.py" line="48"/>
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
        <location filename="../../opsdesk/ui/tasks/model.py" line="581"/>
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
        <location filename="../../opsdesk/ui/tasks/view.py" line="330"/>
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n task</numerusform>
            <numerusform>%n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/tasks/editing.py" line="212"/>
        <source>Assign %n task(s) to {name}</source>
        <translation>
            <numerusform>Assign %n task to {name}</numerusform>
            <numerusform>Assign %n tasks to {name}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/tasks/editing.py" line="225"/>
        <source>Set %n task(s) to {status}</source>
        <translation>
            <numerusform>Set %n task to {status}</numerusform>
            <numerusform>Set %n tasks to {status}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/tasks/editing.py" line="242"/>
        <source>Move %n task(s) by {days} working days</source>
        <translation>
            <numerusform>Move %n task by {days} working days</numerusform>
            <numerusform>Move %n tasks by {days} working days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/tasks/editing.py" line="243"/>
        <source>Move %n task(s) by {days} days</source>
        <translation>
            <numerusform>Move %n task by {days} days</numerusform>
            <numerusform>Move %n tasks by {days} days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/tasks/editing.py" line="267"/>
        <source>Duplicate %n task(s)</source>
        <translation>
            <numerusform>Duplicate %n task</numerusform>
            <numerusform>Duplicate %n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/tasks/editing.py" line="284"/>
        <source>Delete %n task(s)?</source>
        <translation>
            <numerusform>Delete %n task?</numerusform>
            <numerusform>Delete %n tasks?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/tasks/editing.py" line="287"/>
        <source>%n subtask(s)</source>
        <translation>
            <numerusform>%n subtask</numerusform>
            <numerusform>%n subtasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/tasks/editing.py" line="289"/>
        <source>%n comment(s)</source>
        <translation>
            <numerusform>%n comment</numerusform>
            <numerusform>%n comments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/tasks/editing.py" line="291"/>
        <source>%n link(s) to other tasks</source>
        <translation>
            <numerusform>%n link to other tasks</numerusform>
            <numerusform>%n links to other tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/tasks/editing.py" line="300"/>
        <source>Delete %n task(s)</source>
        <translation>
            <numerusform>Delete %n task</numerusform>
            <numerusform>Delete %n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/tasks/editing.py" line="434"/>
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
        <location filename="../../opsdesk/ui/team/view.py" line="366"/>
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
        <location filename="../../opsdesk/ui/timeline/canvas.py" line="326"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/timeline/canvas.py" line="329"/>
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n working day</numerusform>
            <numerusform>%n working days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/timeline/canvas.py" line="338"/>
        <source>overdue by %n day(s)</source>
        <translation>
            <numerusform>overdue by %n day</numerusform>
            <numerusform>overdue by %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/timeline/edits.py" line="63"/>
        <source>“{title}” has %n task(s) that follow it. Move them by the same number of days?</source>
        <translation>
            <numerusform>“{title}” has %n task that follows it. Move it by the same number of days?</numerusform>
            <numerusform>“{title}” has %n tasks that follow it. Move them by the same number of days?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/timeline/edits.py" line="109"/>
        <source>Move “{title}” %n working day(s) later</source>
        <translation>
            <numerusform>Move “{title}” %n working day later</numerusform>
            <numerusform>Move “{title}” %n working days later</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/timeline/edits.py" line="110"/>
        <source>Move “{title}” %n working day(s) earlier</source>
        <translation>
            <numerusform>Move “{title}” %n working day earlier</numerusform>
            <numerusform>Move “{title}” %n working days earlier</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/timeline/edits.py" line="116"/>
        <source>Move “{title}” %n day(s) later</source>
        <translation>
            <numerusform>Move “{title}” %n day later</numerusform>
            <numerusform>Move “{title}” %n days later</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/timeline/edits.py" line="117"/>
        <source>Move “{title}” %n day(s) earlier</source>
        <translation>
            <numerusform>Move “{title}” %n day earlier</numerusform>
            <numerusform>Move “{title}” %n days earlier</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/timeline/edits.py" line="155"/>
        <source>Move launch day %n day(s) later</source>
        <translation>
            <numerusform>Move launch day %n day later</numerusform>
            <numerusform>Move launch day %n days later</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/timeline/edits.py" line="156"/>
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
        <location filename="../../opsdesk/ui/timeline/view.py" line="338"/>
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
        <location filename="../../opsdesk/ui/report/weekly.py" line="140"/>
        <source>%n missed routine day(s) marked skipped (not counted as done or overdue).</source>
        <translation>
            <numerusform>%n missed routine day marked skipped (not counted as done or overdue).</numerusform>
            <numerusform>%n missed routine days marked skipped (not counted as done or overdue).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/report/weekly.py" line="170"/>
        <source>in %n day(s)</source>
        <translation>
            <numerusform>in %n day</numerusform>
            <numerusform>in %n days</numerusform>
        </translation>
    </message>
</context>
</TS>
