// Embeds: applies ?theme=light|dark before the first paint, so that a forced theme does not flash the other one.
(function () {
	var theme = new URLSearchParams(location.search).get('theme');
	if (theme === 'light' || theme === 'dark') document.documentElement.setAttribute('data-theme', theme);
})();
