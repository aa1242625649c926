corpus/096-thankyou-article-university-nurse.txt:3:71: warning: Use 'a' instead of 'an' here: the article follows the sound of the next word (an hour, an MBA, a user, a one-day workshop). (suggestion: 'a') [FollowUp.Article]
corpus/096-thankyou-article-university-nurse.txt:3:111: warning: Use 'an' instead of 'a' here: the article follows the sound of the next word (an hour, an MBA, a user, a one-day workshop). (suggestion: 'an') [FollowUp.Article]
# exit 0
