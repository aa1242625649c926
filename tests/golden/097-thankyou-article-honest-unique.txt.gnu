corpus/097-thankyou-article-honest-unique.txt:3:76: warning: Use 'an' instead of 'a' here: the article follows the sound of the next word (an hour, an MBA, a user, a one-day workshop). (suggestion: 'an') [FollowUp.Article]
corpus/097-thankyou-article-honest-unique.txt:3:119: warning: Use 'a' instead of 'an' here: the article follows the sound of the next word (an hour, an MBA, a user, a one-day workshop). (suggestion: 'a') [FollowUp.Article]
# exit 0
