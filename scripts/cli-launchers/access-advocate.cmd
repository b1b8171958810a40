@echo off
rem The command line shipped inside the installed app; needs Node.js 20 or later on PATH.
where node >nul 2>nul || (echo access-advocate: needs Node.js 20 or later on PATH 1>&2 & exit /b 1)
node "%~dp0access-advocate.mjs" %*
