corpus/095-checkin-article-hour-mba.txt:3:88: warning: Use 'an' instead of 'a' here: the article follows the sound of the next word (an hour, an MBA, a user, a one-day workshop). (suggestion: 'an') [FollowUp.Article]
corpus/095-checkin-article-hour-mba.txt:3:146: warning: Use 'an' instead of 'a' here: the article follows the sound of the next word (an hour, an MBA, a user, a one-day workshop). (suggestion: 'an') [FollowUp.Article]
# exit 0
