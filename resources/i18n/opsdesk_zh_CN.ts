<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <location filename="../../opsdesk/app.py" line="90"/>
        <source>No installed font can show Chinese, so Chinese text would appear as boxes. Install a Chinese font, for example the package {package} (Debian/Ubuntu: sudo apt install {package}), then restart OpsDesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/app.py" line="104"/>
        <source>Welcome to OpsDesk. There is no plan yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/app.py" line="115"/>
        <location filename="../../opsdesk/app.py" line="205"/>
        <source>Open an OpsDesk database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/app.py" line="116"/>
        <location filename="../../opsdesk/app.py" line="206"/>
        <source>OpsDesk databases (*.db *.sample *.sqlite);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/app.py" line="131"/>
        <source>Open another database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/app.py" line="132"/>
        <source>New plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/app.py" line="133"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/app.py" line="144"/>
        <source>{path} cannot be written (read-only file or folder); it is open read-only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <location filename="../../opsdesk/ui/crash.py" line="52"/>
        <source>OpsDesk ran into an unexpected problem. Your data is safe: every change is saved as a whole or not at all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/crash.py" line="55"/>
        <source>The details were written to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../opsdesk/cli.py" line="19"/>
        <location filename="../../opsdesk/services/validate.py" line="14"/>
        <source>“{value}” is not a date; write it as YYYY-MM-DD, e.g. 2026-09-01.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/cli.py" line="20"/>
        <source>The database has no plan yet; make one with `opsdesk init`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/cli.py" line="153"/>
        <source>There is no plan {id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/cli.py" line="159"/>
        <source>Say who you are with --user LOGIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/cli.py" line="262"/>
        <source>“{value}” is not a size; write it as WIDTHxHEIGHT, e.g. 1280x800.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="21"/>
        <source>Something went wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="44"/>
        <source>The input is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="52"/>
        <source>You are not allowed to do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="56"/>
        <source>The record no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="62"/>
        <source>Someone else changed this task since you opened it. Reload it or overwrite their change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="68"/>
        <source>Sign-in failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="74"/>
        <source>The database could not be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="78"/>
        <source>There is no database at {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="82"/>
        <source>{path} is not an OpsDesk database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="86"/>
        <source>{path} is damaged and cannot be opened; restore a backup. The file was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="92"/>
        <source>{path} was written by a newer version of OpsDesk; it is open read-only. Update OpsDesk to change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="99"/>
        <source>The database is busy: another program is writing to it. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="105"/>
        <source>The database is open read-only; changes cannot be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="111"/>
        <source>Updating the database to this version failed; it was left as it was. ({detail})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/errors.py" line="117"/>
        <source>The backup failed: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/kpis.py" line="21"/>
        <source>“{value}” is not a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/people.py" line="16"/>
        <source>There is no active person with the login “{login}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/people.py" line="17"/>
        <source>The password for {login} is not correct.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/people.py" line="18"/>
        <source>{login} signs in with a password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/people.py" line="19"/>
        <source>The login “{login}” is already taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/people.py" line="20"/>
        <source>There is already a role “{role}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/people.py" line="21"/>
        <source>There is no role “{role}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/people.py" line="22"/>
        <source>{name} is the last active manager; make someone else a manager first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/permissions.py" line="9"/>
        <source>edit the plan (manager only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/permissions.py" line="10"/>
        <source>manage people and roles (manager only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/permissions.py" line="11"/>
        <source>set KPI targets (manager only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/permissions.py" line="12"/>
        <source>restore backups and import plans (manager only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/permissions.py" line="13"/>
        <source>tick off or reopen this task (only its assignee, staff of its role when it is unassigned, or a manager)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/permissions.py" line="16"/>
        <source>enter values for this KPI (only its owner role or a manager)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/permissions.py" line="18"/>
        <source>{name} may not {right}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/plans.py" line="19"/>
        <source>A plan needs at least one phase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/plans.py" line="20"/>
        <source>The phase ends ({end}) before it starts ({start}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/tasks.py" line="20"/>
        <source>Linking these tasks would make a loop: a task would wait for itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/tasks.py" line="21"/>
        <source>“{title}” is already done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/tasks.py" line="22"/>
        <source>“{title}” is not done, so it cannot be reopened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/tasks.py" line="23"/>
        <source>The {label} does not belong to this plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/tasks.py" line="24"/>
        <source>There is no active person with id {id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="10"/>
        <source>The {label} must not be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="11"/>
        <source>The {label} is too long (at most {limit} characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="12"/>
        <source>The {label} {value} is outside {low} … {high}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="13"/>
        <source>The due date {due} is before the start date {start}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="15"/>
        <source>“{value}” is not a valid {label}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="18"/>
        <source>title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="19"/>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="20"/>
        <source>login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="21"/>
        <source>start date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="22"/>
        <source>due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="23"/>
        <source>launch date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="24"/>
        <source>status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="25"/>
        <source>priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="26"/>
        <source>comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="27"/>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/services/validate.py" line="28"/>
        <source>day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/templates/loader.py" line="18"/>
        <source>The template {name} is not valid: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/templates/loader.py" line="19"/>
        <source>There is no template “{name}”; available: {available}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../opsdesk/ui/labels.py" line="12"/>
        <source>To do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/labels.py" line="13"/>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/labels.py" line="14"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/labels.py" line="15"/>
        <source>Blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/labels.py" line="16"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/labels.py" line="23"/>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/labels.py" line="24"/>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/labels.py" line="25"/>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/labels.py" line="26"/>
        <source>Urgent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../opsdesk/ui/login/dialog.py" line="81"/>
        <source>Sign in to OpsDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/login/dialog.py" line="82"/>
        <source>Who is working?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/login/dialog.py" line="83"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/login/dialog.py" line="87"/>
        <source>manager</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="164"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="168"/>
        <source>OpsDesk — {db}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="169"/>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="173"/>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="174"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="175"/>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="176"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="177"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="178"/>
        <source>&amp;User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="179"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="180"/>
        <source>&amp;New plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="181"/>
        <source>&amp;Open database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="182"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="183"/>
        <source>Switch &amp;user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="184"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="185"/>
        <source>&amp;About OpsDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="189"/>
        <source>Database: {db}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="191"/>
        <source>Read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="201"/>
        <source>{name} (manager)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="202"/>
        <source>Signed in: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="245"/>
        <source>About OpsDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/main_window.py" line="246"/>
        <source>&lt;h3&gt;OpsDesk {version}&lt;/h3&gt;&lt;p&gt;Plans, tasks, milestones and KPIs for teams that launch and run online shops.&lt;/p&gt;&lt;p&gt;Free software under the MIT licence.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewPlanDialog</name>
    <message>
        <location filename="../../opsdesk/ui/dialogs/new_plan.py" line="40"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/new_plan.py" line="53"/>
        <source>the template&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/new_plan.py" line="64"/>
        <source>Database file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/new_plan.py" line="65"/>
        <source>Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/new_plan.py" line="66"/>
        <source>Launch day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/new_plan.py" line="67"/>
        <source>Plan name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/new_plan.py" line="68"/>
        <source>Your name (manager)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/new_plan.py" line="69"/>
        <source>Your login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/new_plan.py" line="72"/>
        <source>New plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/new_plan.py" line="75"/>
        <source>New database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/new_plan.py" line="76"/>
        <source>OpsDesk databases (*.db)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/dialogs/new_plan.py" line="83"/>
        <source>{path} already exists; choose a new file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="106"/>
        <source>Phases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="107"/>
        <source>Next milestones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="108"/>
        <source>Overdue work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="109"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="109"/>
        <source>In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="109"/>
        <source>Milestone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="110"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="110"/>
        <source>Late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="110"/>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="111"/>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/overview/view.py" line="141"/>
        <source>day %n since launch</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/overview/view.py" line="143"/>
        <source>%n day(s) to launch</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="144"/>
        <source>Launch day {launch} · today {today} · {since}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="149"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="150"/>
        <source>Launch</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/overview/view.py" line="159"/>
        <source>open tasks (%n in progress)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="161"/>
        <source>overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="163"/>
        <source>blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="165"/>
        <source>tasks done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="168"/>
        <source>no milestone ahead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="170"/>
        <location filename="../../opsdesk/ui/overview/view.py" line="201"/>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/overview/view.py" line="170"/>
        <location filename="../../opsdesk/ui/overview/view.py" line="201"/>
        <location filename="../../opsdesk/ui/overview/view.py" line="216"/>
        <source>%n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="171"/>
        <source>to the next milestone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="173"/>
        <source>milestones reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="184"/>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="186"/>
        <source>{done} of {total} tasks done ({pct}%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="189"/>
        <source>{pct}% of the time passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/overview/view.py" line="191"/>
        <source>%n overdue</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="207"/>
        <source>No milestone ahead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="217"/>
        <source>unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../opsdesk/ui/overview/view.py" line="224"/>
        <source>… and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../opsdesk/ui/overview/view.py" line="226"/>
        <source>Nothing is overdue.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
